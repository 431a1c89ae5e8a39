package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choiceRow is a row of options of which the client picks one, like Fyne's
// RadioGroup, but one that reads right to left too: there the first option
// is on the right and each circle stands right of its label, where a
// reader of Arabic or Farsi starts. Tapping the chosen option again clears
// the choice, as in RadioGroup; Space and Enter only choose.
type choiceRow struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)
	rtl       bool
	font      fyne.Resource // the script's own font; nil is the theme's
	items     []*choiceItem
}

func newChoiceRow(options []string, selected string, rtl bool, onChanged func(string)) *choiceRow {
	r := &choiceRow{Options: options, Selected: selected, rtl: rtl, OnChanged: onChanged}
	for _, o := range options {
		r.items = append(r.items, newChoiceItem(r, o))
	}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected chooses an option ("" for none) and reports the change.
func (r *choiceRow) SetSelected(option string) {
	if option == r.Selected {
		return
	}
	r.Selected = option
	for _, it := range r.items {
		it.Refresh()
	}
	if r.OnChanged != nil {
		r.OnChanged(option)
	}
}

func (r *choiceRow) CreateRenderer() fyne.WidgetRenderer {
	row := container.NewHBox()
	for i := range r.items {
		it := r.items[i]
		if r.rtl {
			it = r.items[len(r.items)-1-i]
		}
		row.Add(it)
	}
	return widget.NewSimpleRenderer(row)
}

// choiceItem is one option: its circle and its label, focusable so that
// Tab reaches it and Space or Enter chooses it.
type choiceItem struct {
	widget.BaseWidget
	row     *choiceRow
	option  string
	focused bool
}

func newChoiceItem(r *choiceRow, option string) *choiceItem {
	it := &choiceItem{row: r, option: option}
	it.ExtendBaseWidget(it)
	return it
}

func (it *choiceItem) chosen() bool { return it.row.Selected == it.option }

// Tapped chooses the option, or clears the choice when it was chosen.
func (it *choiceItem) Tapped(*fyne.PointEvent) {
	if it.chosen() {
		it.row.SetSelected("")
		return
	}
	it.row.SetSelected(it.option)
}

func (it *choiceItem) FocusGained() { it.focused = true; it.Refresh() }
func (it *choiceItem) FocusLost()   { it.focused = false; it.Refresh() }

// TypedRune chooses the option on Space. The keyboard only chooses: a key
// pressed twice must not take back the client's answer.
func (it *choiceItem) TypedRune(r rune) {
	if r == ' ' {
		it.row.SetSelected(it.option)
	}
}

// TypedKey chooses the option on Enter.
func (it *choiceItem) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		it.row.SetSelected(it.option)
	}
}

// AccessibilityLabel names the option for a screen reader.
func (it *choiceItem) AccessibilityLabel() string { return it.option }

// AccessibilityRole is a button's: tapping it chooses.
func (it *choiceItem) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

func (it *choiceItem) CreateRenderer() fyne.WidgetRenderer {
	icon := canvas.NewImageFromResource(nil)
	icon.FillMode = canvas.ImageFillContain
	label := canvas.NewText(it.option, theme.Color(theme.ColorNameForeground))
	label.FontSource = it.row.font
	focus := canvas.NewRectangle(theme.Color(theme.ColorNameFocus))
	focus.CornerRadius = theme.InputRadiusSize()
	r := &choiceItemRenderer{it: it, icon: icon, label: label, focus: focus}
	r.Refresh()
	return r
}

type choiceItemRenderer struct {
	it    *choiceItem
	icon  *canvas.Image
	label *canvas.Text
	focus *canvas.Rectangle
}

func (r *choiceItemRenderer) sizes() (icon, pad float32) {
	return theme.SizeForWidget(theme.SizeNameInlineIcon, r.it), theme.SizeForWidget(theme.SizeNameInnerPadding, r.it)
}

// measure is the label's size as drawn, in its own font when it has one.
func (r *choiceItemRenderer) measure() fyne.Size {
	if r.label.FontSource == nil {
		return fyne.MeasureText(r.label.Text, r.label.TextSize, r.label.TextStyle)
	}
	size, _ := fyne.CurrentApp().Driver().RenderedTextSize(r.label.Text, r.label.TextSize, r.label.TextStyle, r.label.FontSource)
	return size
}

func (r *choiceItemRenderer) MinSize() fyne.Size {
	icon, pad := r.sizes()
	text := r.measure()
	return fyne.NewSize(pad+icon+pad/2+text.Width+pad, max(icon, text.Height)+pad)
}

func (r *choiceItemRenderer) Layout(size fyne.Size) {
	icon, pad := r.sizes()
	text := r.measure()
	r.focus.Resize(size)
	r.icon.Resize(fyne.NewSquareSize(icon))
	r.label.Resize(text)
	iconX, textX := pad, pad+icon+pad/2
	if r.it.row.rtl {
		textX, iconX = pad, pad+text.Width+pad/2
	}
	r.icon.Move(fyne.NewPos(iconX, (size.Height-icon)/2))
	r.label.Move(fyne.NewPos(textX, (size.Height-text.Height)/2))
}

func (r *choiceItemRenderer) Refresh() {
	th := r.it.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if r.it.chosen() {
		r.icon.Resource = theme.NewPrimaryThemedResource(th.Icon(theme.IconNameRadioButtonChecked))
	} else {
		r.icon.Resource = theme.NewThemedResource(th.Icon(theme.IconNameRadioButton))
	}
	r.label.Color = th.Color(theme.ColorNameForeground, v)
	r.label.TextSize = th.Size(theme.SizeNameText)
	r.focus.FillColor = th.Color(theme.ColorNameFocus, v)
	r.focus.Hidden = !r.it.focused
	r.icon.Refresh()
	r.label.Refresh()
	r.focus.Refresh()
}

func (r *choiceItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.focus, r.icon, r.label}
}

func (r *choiceItemRenderer) Destroy() {}
