package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// scriptButton is a button whose text a bidiLabel draws, in the script's
// own embedded font and direction: Fyne 2.8's own button text does not
// take an embedded Arabic font well (letters lost their dots), and on a
// computer without fonts for Tigrinya or Farsi it would show boxes. The
// button beneath takes the taps, the keyboard and the screen reader.
type scriptButton struct {
	*button
	label   *bidiLabel
	content fyne.CanvasObject
}

func newScriptButton(text, lang string, rtl bool, importance widget.Importance, tapped func()) *scriptButton {
	b := newButton("", nil, tapped)
	b.name = text
	b.Importance = importance
	l := newBidiLabel(text, rtl)
	l.style.Bold = true
	l.one = true
	l.inScript(lang, true)
	sb := &scriptButton{button: b, label: l,
		content: container.NewStack(b, container.NewPadded(container.NewCenter(l)))}
	sb.setEnabled(true)
	return sb
}

// setEnabled enables the button or not, the text showing which.
func (b *scriptButton) setEnabled(on bool) {
	enable(b.button, on)
	var c color.Color // the theme's foreground
	switch {
	case !on:
		c = theme.Color(theme.ColorNameDisabled)
	case b.Importance == widget.HighImportance:
		c = theme.Color(theme.ColorNameForegroundOnPrimary)
	}
	b.label.color = c
	b.label.Refresh()
}

// languageChooser is the client view's choice of language: each name in
// its own script's font, in a list that opens below it.
func (cv *ClientView) languageChooser() fyne.CanvasObject {
	var pop *widget.PopUp
	current := newScriptButton(languageName(language.Make(cv.lang))+" ▾", cv.lang, textdir.RightToLeft(cv.lang), widget.MediumImportance, nil)
	list := container.NewVBox()
	for _, l := range ClientLanguages {
		item := newScriptButton(languageName(language.Make(l)), l, textdir.RightToLeft(l), widget.LowImportance, func() {
			pop.Hide()
			cv.setLanguage(l)
			cv.v.main.showClientContent(cv)
		})
		list.Add(item.content)
	}
	large := container.NewThemeOverride(list, clientTheme{Theme()}) // as large as the view
	current.OnTapped = func() {
		c := cv.v.main.win.Canvas()
		pop = widget.NewPopUp(large, c)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(current.content)
		pos.Y += current.content.Size().Height
		if x := c.Size().Width - large.MinSize().Width - theme.Padding()*2; pos.X > x {
			pos.X = x
		}
		pop.ShowAtPosition(pos)
	}
	return current.content
}
