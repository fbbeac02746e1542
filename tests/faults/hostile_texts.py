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


# Rich/Textual markup that crashed the dashboard (an unmatched closing tag) or became live
# (an action, a link) when data was parsed as markup; each must be shown exactly as typed.
MARKUP: list[str] = [
    "[/]", "[/b]", "[/b] weekly", "[/i] Walrus Council", "[/bold]", "[/link]", "[/@click]",
    "[@click=app.quit]x[/]", "[@click=app.bell]ring[/]", "[@click=screen.dismiss()]d[/]",
    "[@click=app.push_screen('help')]h[/]", "[link=http://x]y[/link]",
    "[link='http://evil.example']z[/link]", "[b", "[b]unclosed", "[", "]", "[[", "]]",
    "[/]]", "x[/", "[on red]bg[/on red]", "[$accent]var[/]", "[reverse]rev", "\\[b]",
    "trailing\\", "[bold italic underline]many[/]", "[#ff0000]hex[/]", "[red]", "[b][/i]",
    ":smile: :pile_of_poo:", "[/][/][/]", "[@click=app.quit]", "[link=]empty[/link]",
]

# How each family of sequences is introduced and ended, 7-bit and 8-bit.
OSC_STARTS = {"ESC ]": f"{ESC}]", "C1 OSC": "\x9d"}
TERMINATORS = {"BEL": BEL, "ST": ST, "C1 ST": "\x9c"}
OSC_BODIES = {0: "0;pwned-title", 2: "2;pwned-title", 8: "8;;http://evil.example",
              52: "52;c;cHduZWQtY2xpcA==", 11: "11;#ff00ff", 4: "4;1;rgb:ff/00/00"}
CSI_FINALS = "mHJKABCDsuhlnrtc@PLMXSTfg"
BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
INVISIBLE = [0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF,
             0xFFF9, 0xFFFA, 0xFFFB, 0xE0001, 0xE0041, 0xE007F, 0x180E, 0x2028, 0x2029]


def generated() -> list[tuple[str, str]]:
    """Variants of every family, not a few samples: each C0 and C1 control alone, every OSC
    named in the issue with every terminator and both introducers, CSI with each common
    final byte (7- and 8-bit), DCS/APC/PM/SOS both ways, each bidi and invisible character,
    every markup form, and markup wrapped around a sequence."""
    out: list[tuple[str, str]] = []
    out += [(f"C0 {code:02x}", f"c0 {code:02x}<{chr(code)}>")
            for code in range(0x20) if code != 0x0A]
    out.append(("DEL", "del<\x7f>"))
    out += [(f"C1 {code:02x}", f"c1 {code:02x}<{chr(code)}>") for code in range(0x80, 0xA0)]
    for start_name, start in OSC_STARTS.items():
        for number, body in OSC_BODIES.items():
            for end_name, end in TERMINATORS.items():
                tail = f"link{start}8;;{end}" if number == 8 else ""
                out.append((f"OSC {number} {start_name} {end_name}",
                            f"osc{number}<{start}{body}{end}{tail}>"))
    for final in CSI_FINALS:
        out.append((f"CSI {final}", f"csi<{ESC}[1;2{final}>"))
        out.append((f"C1 CSI {final}", f"csi8<\x9b1;2{final}>"))
    for name, intro in (("DCS", "P"), ("APC", "_"), ("PM", "^"), ("SOS", "X")):
        for end_name, end in TERMINATORS.items():
            out.append((f"{name} {end_name}", f"{name.lower()}<{ESC}{intro}q#0;2{end}>"))
    out += [("C1 DCS", "dcs8<\x90q#0\x9c>"), ("C1 APC", "apc8<\x9fGf=100\x9c>")]
    out += [(f"bidi {code:04x}", f"bidi<{chr(code)}>x") for code in BIDI]
    out += [(f"invisible {code:04x}", f"inv<{chr(code)}>x") for code in INVISIBLE]
    out += [(f"markup {i}", text) for i, text in enumerate(MARKUP)]
    out += [("markup around OSC", f"[b]{ESC}]0;pwned-title{BEL}[/b]"),
            ("click around OSC 52", f"[@click=app.quit]{ESC}]52;c;cHduZWQtY2xpcA=={ST}[/]"),
            ("OSC inside link markup", f"[link={ESC}]8;;http://evil.example{ST}]x[/link]")]
    return out


CATALOGUE: list[tuple[str, str]] = PAYLOADS + generated()
