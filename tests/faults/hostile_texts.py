"""A catalogue of hostile article texts: Rich and Textual markup, ANSI CSI / OSC / DCS
sequences (title, clipboard, palette, hyperlinks, device queries whose answers would be
typed into newsdesk), lone control characters, bidirectional overrides, zero-width
characters, and lines too long to wrap. Each is put into an article's title, text and
source; none may act on the terminal."""

from __future__ import annotations

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"

PAYLOADS: list[tuple[str, str]] = [
    # Markup: shown as typed, never parsed.
    ("rich markup", "[bold red]markup[/]"),
    ("rich link markup", "[link=http://evil.example]a link[/link]"),
    ("textual action markup", "[@click=app.quit]click me[/]"),
    ("unbalanced closing tag", "[/] [/bold] [/"),
    ("rich emoji code", ":pile_of_poo: :smiley:"),
    ("markup escape", "\\[bold] \\\\[bold]x[/bold]"),
    # CSI: colours, cursor, screen.
    ("SGR red", f"{ESC}[31mRED{ESC}[0m"),
    ("SGR reverse blink", f"{ESC}[5;7mBLINK{ESC}[m"),
    ("SGR 256 colour", f"{ESC}[38;5;196mHOT{ESC}[39m"),
    ("SGR true colour", f"{ESC}[48;2;255;0;0mBG"),
    ("clear screen", f"{ESC}[2J{ESC}[H"),
    ("cursor move", f"{ESC}[10;10Hmoved"),
    ("erase line", f"start{ESC}[2Kerased"),
    ("scroll region", f"{ESC}[1;3r"),
    ("hide cursor", f"{ESC}[?25l"),
    ("alternate screen off", f"{ESC}[?1049l"),
    ("mouse reporting off", f"{ESC}[?1000l{ESC}[?1006l"),
    ("bracketed paste off", f"{ESC}[?2004l"),
    ("reverse video screen", f"{ESC}[?5h"),
    ("8-bit CSI", "\x9b31mC1 red\x9b0m"),
    ("insert lines", f"{ESC}[5L"),
    # Device queries: the terminal's answer would arrive as keystrokes.
    ("cursor position query", f"{ESC}[6n"),
    ("device attributes query", f"{ESC}[c{ESC}[>c"),
    ("colour query", f"{ESC}]10;?{BEL}{ESC}]11;?{ST}"),
    ("window title report", f"{ESC}[21t"),
    # OSC: title, clipboard, palette, hyperlinks.
    ("OSC 0 title, BEL", f"{ESC}]0;pwned-title{BEL}"),
    ("OSC 2 title, ST", f"{ESC}]2;pwned-title-st{ST}"),
    ("OSC 52 clipboard write", f"{ESC}]52;c;cHduZWQtY2xpcA=={BEL}"),
    ("OSC 52 clipboard read", f"{ESC}]52;c;?{BEL}"),
    ("OSC 4 palette change", f"{ESC}]4;1;rgb:ff/00/00{BEL}"),
    ("OSC 11 background", f"{ESC}]11;#ff00ff{ST}"),
    ("OSC 8 hyperlink", f"{ESC}]8;;http://evil.example{ST}click{ESC}]8;;{ST}"),
    ("OSC 7 working directory", f"{ESC}]7;file:///etc{BEL}"),
    ("8-bit OSC title", "\x9d0;pwned-c1\x9c"),
    # Other string sequences and resets.
    ("DCS", f"{ESC}Pq#0;2;0;0;0{ST}"),
    ("APC", f"{ESC}_Gf=100;payload{ST}"),
    ("PM and SOS", f"{ESC}^privacy{ST}{ESC}Xstring{ST}"),
    ("full reset", f"{ESC}c"),
    ("screen alignment test", f"{ESC}#8"),
    ("line drawing charset", f"{ESC}(0lqqk{ESC}(B"),
    ("shift out / shift in", "\x0eshifted\x0f"),
    # Lone control characters.
    ("bell", f"ding{BEL}{BEL}"),
    ("backspace overprint", "secret\x08\x08\x08\x08\x08\x08public"),
    ("carriage return overprint", "evil text\rgood text"),
    ("vertical tab and form feed", "a\x0bb\x0cc"),
    ("delete", "de\x7fl"),
    ("NUL", "nul\x00byte"),
    ("C1 next line", "next\x85line"),
    ("escape alone", f"lone {ESC} escape"),
    # Invisible and direction-changing characters.
    ("right-to-left override", "invoice\u202egpj.exe"),
    ("left-to-right override", "\u202dforced\u202c"),
    ("bidi isolates", "\u2067isolated\u2069 \u2066too\u2069"),
    ("zero-width space and joiners", "zero\u200bwidth\u200c\u200djoin"),
    ("word joiner and BOM", "word\u2060joiner\ufeffbom"),
    ("line and paragraph separators", "line\u2028para\u2029graph"),
    # Sizes.
    ("very long unbroken line", "A" * 20_000),
    ("very long url-like word", "https://evil.example/" + "x" * 5_000),
]
