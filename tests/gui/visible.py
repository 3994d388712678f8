"""Every text a person can see in a window, read inside its own event loop: labels and
buttons, the window's title, a canvas's words, a text box's lines, a drop-down's value.
What the pseudo-locale tests read (``tests/pseudo.py`` judges each)."""

from __future__ import annotations

from tests.gui.screen import Screen

VISIBLE = r"""
proc qlbreak_visible {w} {
    set found {}
    if {[winfo ismapped $w] || $w eq "."} {
        if {[winfo toplevel $w] eq $w && [wm state $w] ne "withdrawn"} { lappend found [wm title $w] }
        set class [winfo class $w]
        if {$class eq "Canvas"} {
            foreach item [$w find all] {
                if {[$w type $item] eq "text" && [$w itemcget $item -state] ne "hidden"} {
                    lappend found [$w itemcget $item -text]
                }
            }
        } elseif {$class eq "Text"} {
            lappend found [$w get 1.0 end-1c]
        } elseif {$class eq "TCombobox" || $class eq "Entry" || $class eq "TEntry"} {
            lappend found [$w get]
        } elseif {![catch {$w cget -text} text]} {
            lappend found $text
        }
        foreach c [winfo children $w] { lappend found {*}[qlbreak_visible $c] }
    }
    return $found
}
"""


def visible_texts(screen: Screen, app: str) -> list[str]:
    """The texts shown in ``app`` now (empty ones left out)."""
    found = screen.tk().tk.splitlist(screen.send(app, VISIBLE + "update idletasks; qlbreak_visible ."))
    return [str(t) for t in found if str(t).strip()]
