"""The key footer, fitted to its width: keys that do not fit are left out whole and an
ellipsis says there are more (? lists them all). At 80 columns Textual's footer cut the
last key in the middle of its words ("^s Save searc") with nothing to say so."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

MORE = " …"


class FittedFooter(Footer):
    pending = False  # keys changed or resized, not fitted yet (fitting waits a refresh)
    _shown: tuple[object, ...] | None = None  # the keys as last composed

    def bindings_changed(self, screen: Screen) -> None:
        # Textual composes the footer anew at every change of focus, with the same keys
        # mostly (moving through the panes): a third of a dashboard's styling work was
        # footer keys made again. The same keys are left as they are.
        if self.is_attached and screen is self.screen and screen.app.app_focus \
                and self._shown is not None and _keys_of(screen) == self._shown:
            return
        self.pending = True
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        self._shown = _keys_of(self.screen) if self._bindings_ready else None
        await super().recompose()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        # Widths are measured with every key shown: compose them again, then fit.
        self.pending = True
        self.call_after_refresh(self.recompose)

    def _keys(self) -> tuple[list[Widget], Widget | None]:
        palette = None
        keys = []
        for child in self.children:
            if child.has_class("-command-palette"):
                palette = child
            elif child.id != "footer-more":
                keys.append(child)
        return keys, palette

    def _fit(self) -> None:
        if not self.is_attached or self.size.width == 0:
            return
        if self.query("#footer-more"):
            self.pending = False
            return  # (fitted already: a resize and a change of keys can both ask)
        keys, palette = self._keys()
        if any(key.region.width == 0 for key in keys):
            # Composed but not laid out yet (a refresh came before the layout): measured
            # now, every key fitted and "^s Save searc" stayed cut at 80 columns.
            self.call_after_refresh(self._fit)
            return
        self.pending = False
        limit = palette.region.x if palette is not None and palette.display \
            else self.region.right
        ends = [key.region.right + key.styles.margin.right for key in keys]
        if not ends or ends[-1] <= limit:
            return
        kept = len(keys)
        while kept and ends[kept - 1] + len(MORE) > limit:
            kept -= 1
        for key in keys[kept:]:
            key.display = False
        self.mount(Static(MORE, id="footer-more", classes="footer-more"))


def _keys_of(screen: Screen) -> tuple[object, ...]:
    """What the footer shows of a screen's bindings (Footer.compose reads the same)."""
    return tuple((binding.key, binding.description, binding.action, binding.show,
                  binding.group, enabled, tooltip)
                 for _, binding, enabled, tooltip in screen.active_bindings.values())
