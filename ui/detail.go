package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// newDetail shows one card whole: what it is and what you will do, the pros
// and cons as two columns, what is known about the effect and what clients
// say, and for whom it is. dutch says the card has no translation in the
// interface language.
func newDetail(c cards.Card, dutch bool, tr *locales.Translator, onBack func()) fyne.CanvasObject {
	col := CategoryColor(c.Category)
	back := newButton(tr.T("detail.back"), theme.NavigateBackIcon(), onBack)

	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Wrapping = fyne.TextWrapWord
	category := canvas.NewText(tr.T("category."+string(c.Category)), color.White)
	category.TextStyle.Bold = true
	badge := container.NewStack(roundedRect(col, 6), container.NewPadded(category))
	header := container.NewBorder(nil, nil, pictogram(c.Pictogram, 120), nil,
		container.NewVBox(container.NewHBox(badge), title, wrapped(c.Summary)))

	facts := widget.NewForm(
		widget.NewFormItem(tr.T("detail.duration"), wrapped(c.Duration)),
		widget.NewFormItem(tr.T("detail.hours"), wrapped(hoursText(c.Hours, tr))),
		widget.NewFormItem(tr.T("detail.provider"), wrapped(c.Provider)),
	)

	prosCons := container.NewGridWithColumns(2,
		pointList(tr.T("detail.pros"), c.Pros, theme.NewSuccessThemedResource(theme.ConfirmIcon()), proColor),
		pointList(tr.T("detail.cons"), c.Cons, theme.NewErrorThemedResource(theme.CancelIcon()), conColor))

	effect := []fyne.CanvasObject{section(tr.T("detail.effect")), effectBadge(c.Effect.Level, tr), wrapped(c.Effect.Explanation)}
	if c.Effect.Source != "" {
		src := wrapped(tr.T("detail.source", map[string]any{"Source": c.Effect.Source}))
		src.TextStyle.Italic = true
		effect = append(effect, src)
	}

	suits := []string{ageText(c.Suits.Age, tr), experienceText(c.Suits.WorkExperience, tr), languageText(c.Suits.MinLanguage, tr)}
	if cond := c.Suits.Conditions; cond != "" {
		suits = append(suits, tr.T("detail.conditions")+": "+cond)
	}
	var goals, factors []string
	for _, g := range c.Goals {
		goals = append(goals, tr.T("goal."+string(g)))
	}
	for _, f := range c.Factors {
		factors = append(factors, tr.T("factor."+string(f)))
	}
	reviewed := widget.NewLabel(tr.T("detail.reviewed", map[string]any{"Date": c.Reviewed.Format("2-1-2006")}))
	reviewed.Importance = widget.LowImportance

	body := container.NewVBox(
		container.NewHBox(back),
		container.NewStack(roundedRect(tint(col, 0.92), 10), container.NewPadded(header)))
	if dutch {
		body.Add(untranslatedNote(tr))
	}
	body.Add(container.NewVBox(
		facts,
		section(tr.T("detail.whatyoudo")), wrapped(c.WhatYouDo),
		prosCons,
	))
	body.Add(container.NewGridWithColumns(2,
		container.NewVBox(effect...),
		container.NewVBox(section(tr.T("detail.clients")), quote(c.Clients))))
	body.Add(container.NewGridWithColumns(2,
		container.NewVBox(section(tr.T("detail.suits")), bullets(suits)),
		container.NewVBox(
			section(tr.T("detail.goals")), wrapped(strings.Join(goals, ", ")),
			section(tr.T("detail.factors")), wrapped(strings.Join(factors, ", ")))))
	body.Add(reviewed)
	return container.NewVScroll(container.NewPadded(body))
}

// untranslatedNote says that a card shows in Dutch, as it has no
// translation in the interface language.
func untranslatedNote(tr *locales.Translator) *widget.Label {
	l := wrapped(tr.T("card.untranslated"))
	l.Importance = widget.LowImportance
	l.TextStyle.Italic = true
	return l
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func section(text string) *widget.Label {
	l := heading(text)
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func quote(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Italic = true
	return l
}

func bullets(items []string) fyne.CanvasObject {
	box := container.NewVBox()
	for _, it := range items {
		box.Add(wrapped("• " + it))
	}
	return box
}

func roundedRect(fill color.Color, radius float32) *canvas.Rectangle {
	r := canvas.NewRectangle(fill)
	r.CornerRadius = radius
	return r
}

// pointList is a column of pros or of cons under a coloured heading, each
// point with the same icon, on a light background of that colour.
func pointList(title string, points []string, icon fyne.Resource, col color.NRGBA) fyne.CanvasObject {
	head := canvas.NewText(title, color.White)
	head.TextStyle.Bold = true
	head.TextSize = theme.TextSubHeadingSize()
	box := container.NewVBox(container.NewStack(roundedRect(col, 6), container.NewPadded(head)))
	for _, p := range points {
		box.Add(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, wrapped(p)))
	}
	box.Add(layout.NewSpacer())
	return container.NewStack(roundedRect(tint(col, 0.9), 10), container.NewPadded(box))
}

// effectBadge shows the evidence level in words, on a colour that gets
// calmer as the evidence gets weaker.
func effectBadge(level cards.EffectLevel, tr *locales.Translator) fyne.CanvasObject {
	col := effectColor(level)
	t := canvas.NewText(tr.T("effect."+string(level)), color.White)
	t.TextStyle.Bold = true
	return container.NewHBox(container.NewStack(roundedRect(col, 6), container.NewPadded(t)))
}

func effectColor(level cards.EffectLevel) color.NRGBA { return nrgba(level.Colour()) }

func hoursText(r cards.Range, tr *locales.Translator) string {
	if r.Min == r.Max {
		return tr.T("hours.one", map[string]any{"N": r.Min})
	}
	return tr.T("hours.range", map[string]any{"Min": r.Min, "Max": r.Max})
}

func ageText(r cards.Range, tr *locales.Translator) string {
	switch {
	case r.IsZero():
		return tr.T("detail.age.all")
	case r.Max == 0:
		return tr.T("detail.age.from", map[string]any{"Min": r.Min})
	}
	return tr.T("detail.age.range", map[string]any{"Min": r.Min, "Max": r.Max})
}

func experienceText(levels []cards.WorkExperience, tr *locales.Translator) string {
	if len(levels) == 0 || len(levels) == len(cards.WorkExperiences) {
		return tr.T("detail.experience.all")
	}
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = tr.T("experience." + string(l))
	}
	return tr.T("detail.experience", map[string]any{"Levels": strings.Join(names, ", ")})
}

func languageText(l cards.LanguageLevel, tr *locales.Translator) string {
	if l == "" || l == cards.LanguageNone {
		return tr.T("detail.language.none")
	}
	return tr.T("detail.language.min", map[string]any{"Level": string(l)})
}
