package ui

import (
	"errors"
	"image/color"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Step 1: tell the client they co-decide; expectations and needs.
func (v *SessionView) stepPrepare() fyne.CanvasObject {
	tr := v.tr
	slogan := canvas.NewText(tr.T("step1.slogan"), color.White)
	slogan.TextSize = theme.TextHeadingSize() * 1.6
	slogan.TextStyle.Bold = true
	slogan.Alignment = fyne.TextAlignCenter
	banner := container.NewStack(roundedRect(CategoryColor(cards.CategoryTowardWork), 12), container.NewPadded(container.NewPadded(slogan)))
	return container.NewVBox(
		banner,
		wrapped(tr.T("step1.intro")),
		question(tr.T("step1.language"), v.main.clientLanguageChoice()),
		question(tr.T("step1.expectations"), v.entry(cards.KeyExpectations, tr.T("step1.expectations.hint"), true)),
		question(tr.T("step1.needs"), v.entry(cards.KeyNeeds, tr.T("step1.needs.hint"), true)),
	)
}

// Step 2: the situation per life area, the client's characteristics, and
// whether the client recognises the picture.
func (v *SessionView) stepSituation() fyne.CanvasObject {
	tr := v.tr
	areas := container.NewVBox()
	for _, a := range cards.LifeAreas {
		areas.Add(container.NewStack(roundedRect(tint(CategoryColor(cards.CategoryClientPicture), 0.94), 8), container.NewPadded(
			container.NewBorder(nil, nil,
				container.NewVBox(widget.NewLabelWithStyle(tr.T("area."+string(a)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.markChoice(a)),
				nil,
				v.entry(cards.KeyAreaNote(a), tr.T("area.hint"), false)))))
	}

	age := v.valueEntry(cards.KeyAge, tr.T("filter.age.placeholder"), false) // a number, not free text
	age.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); s != "" && (err != nil || n < 15 || n > 100) {
			return errors.New(tr.T("step2.age.invalid"))
		}
		return nil
	}
	age.OnChanged = func(s string) {
		if n, err := strconv.Atoi(s); err == nil && n > 0 || s == "" {
			v.set(cards.KeyAge, s)
		}
	}
	exp := newChoiceSelect(cards.WorkExperiences, tr, "experience.")
	exp.set(v.s.Profile.WorkExperience)
	exp.onChanged = func() { v.set(cards.KeyExperience, string(exp.selected())) }
	lang := newChoiceSelect(cards.LanguageLevels, tr, "language.")
	lang.set(v.s.Profile.Language)
	lang.onChanged = func() { v.set(cards.KeyLanguage, string(lang.selected())) }
	profile := widget.NewForm(
		widget.NewFormItem(tr.T("filter.age"), age),
		widget.NewFormItem(tr.T("filter.experience"), exp.sel),
		widget.NewFormItem(tr.T("filter.language"), lang.sel),
	)
	return container.NewVBox(
		wrapped(tr.T("step2.intro")),
		areas,
		heading(tr.T("step2.profile")), profile,
		question(tr.T("step2.recognised"), v.answer(cards.KeyRecognised)),
	)
}

// markChoice is the mark of a life area: going well, needs attention, worries.
func (v *SessionView) markChoice(a cards.LifeArea) *widget.RadioGroup {
	labels := make([]string, len(cards.Marks))
	for i, m := range cards.Marks {
		labels[i] = v.tr.T("mark." + string(m))
	}
	r := widget.NewRadioGroup(labels, nil)
	r.Horizontal = true
	if i := slices.Index(cards.Marks, v.s.Areas[a].Mark); i >= 0 {
		r.Selected = labels[i]
	}
	r.OnChanged = func(s string) {
		mark := ""
		if i := slices.Index(labels, s); i >= 0 {
			mark = string(cards.Marks[i])
		}
		v.set(cards.KeyAreaMark(a), mark)
	}
	return r
}

// Step 3: what moves the client and what holds them back, along the IGM
// factors; the client picks the factors to work on.
func (v *SessionView) stepDrivers() fyne.CanvasObject {
	tr := v.tr
	box := container.NewVBox(wrapped(tr.T("step3.intro")))
	for i, f := range cards.Factors {
		if i == 0 {
			box.Add(section(tr.T("step3.willen")))
		} else if i == 3 {
			box.Add(section(tr.T("step3.kunnen")))
		}
		workOn := widget.NewCheck(tr.T("step3.workon"), func(on bool) {
			list := slices.DeleteFunc(slices.Clone(v.s.WorkOn), func(x cards.Factor) bool { return x == f })
			if on {
				list = append(list, f)
			}
			v.set(cards.KeyWorkOn, cards.JoinValues(list))
		})
		workOn.Checked = slices.Contains(v.s.WorkOn, f)
		box.Add(container.NewStack(roundedRect(tint(CategoryColor(cards.CategoryTowardWork), 0.94), 8), container.NewPadded(container.NewVBox(
			container.NewBorder(nil, nil, widget.NewLabelWithStyle(tr.T("factor."+string(f)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), workOn),
			container.NewGridWithColumns(2,
				question(tr.T("step3.helps"), v.entry(cards.KeyDriverHelps(f), "", false)),
				question(tr.T("step3.holdsback"), v.entry(cards.KeyDriverHoldsBack(f), "", false)))))))
	}
	return box
}

// Step 4: the goal, what it is about, whether it is feasible, sub-goals.
func (v *SessionView) stepGoal() fyne.CanvasObject {
	tr := v.tr
	goals := newChoiceGroup(cards.Goals, tr, "goal.").columns()
	goals.set(v.s.Goals)
	goals.onChanged = func() { v.set(cards.KeyGoals, cards.JoinValues(goals.selected())) }
	return container.NewVBox(
		question(tr.T("step4.goal"), v.entry(cards.KeyGoal, tr.T("step4.goal.hint"), true)),
		question(tr.T("step4.about"), goals.box),
		question(tr.T("step4.feasible"), v.entry(cards.KeyFeasible, tr.T("step4.feasible.hint"), true)),
		question(tr.T("step4.subgoals"), v.entry(cards.KeySubGoals, tr.T("step4.subgoals.hint"), true)),
	)
}

// Step 6: the SURE check, the decision and why, agreements, next appointment.
func (v *SessionView) stepDecide() fyne.CanvasObject {
	tr := v.tr
	adviceText := wrapped("")
	adviceText.TextStyle.Bold = true
	adviceBg := roundedRect(warningTint, 8)
	advice := container.NewStack(adviceBg, container.NewPadded(adviceText))
	updateAdvice := func() {
		answered := 0
		for _, a := range v.s.Sure {
			if a != cards.AnswerNone {
				answered++
			}
		}
		switch {
		case answered < len(v.s.Sure):
			advice.Hide()
		case !v.s.SureReady():
			adviceText.SetText(tr.T("sure.notready", map[string]any{"Score": v.s.SureScore()}))
			adviceBg.FillColor = warningTint
			advice.Show()
		default:
			adviceText.SetText(tr.T("sure.ready"))
			adviceBg.FillColor = readyTint
			advice.Show()
		}
		adviceBg.Refresh()
	}
	sure := container.NewVBox()
	for i := range v.s.Sure {
		r := v.answer(cards.KeySure(i))
		onChanged := r.OnChanged
		r.OnChanged = func(s string) { onChanged(s); updateAdvice() }
		sure.Add(container.NewBorder(nil, nil, nil, r, wrapped(tr.T("sure."+strconv.Itoa(i+1)))))
	}
	updateAdvice()

	decision := v.decisionChoice()
	return container.NewVBox(
		section(tr.T("sure.title")), wrapped(tr.T("sure.intro")), sure, advice,
		section(tr.T("step6.decision")), decision,
		question(tr.T("step6.why"), v.entry(cards.KeyWhy, tr.T("step6.why.hint"), true)),
		section(tr.T("step6.agreements")), v.agreementTable(),
		question(tr.T("step6.next"), v.entry(cards.KeyNextAppointment, tr.T("step6.next.hint"), false)),
	)
}

// decisionChoice lets the client pick one of the compared cards.
func (v *SessionView) decisionChoice() fyne.CanvasObject {
	if len(v.s.Options) == 0 {
		return wrapped(v.tr.T("step6.nooptions"))
	}
	titles := make([]string, len(v.s.Options))
	for i, o := range v.s.Options {
		c, _ := v.main.card(o.Card)
		titles[i] = c.Title
	}
	r := widget.NewRadioGroup(titles, nil)
	for i, o := range v.s.Options {
		if o.Card.ID == v.s.Decision {
			r.Selected = titles[i]
		}
	}
	r.OnChanged = func(s string) {
		id := ""
		if i := slices.Index(titles, s); i >= 0 {
			id = v.s.Options[i].Card.ID
		}
		v.set(cards.KeyDecision, id)
	}
	return r
}

// agreementTable edits the action plan: who does what before when.
func (v *SessionView) agreementTable() fyne.CanvasObject {
	tr := v.tr
	rows := container.NewVBox()
	var redraw func()
	redraw = func() {
		rows.RemoveAll()
		rows.Add(newAgreementRow(heading(tr.T("agreement.who")), heading(tr.T("agreement.what")), heading(tr.T("agreement.due"))))
		for i := range v.s.Agreements {
			a := &v.s.Agreements[i]
			field := func(f cards.AgreementField, text, hint string) fyne.CanvasObject {
				e := newTextEntry()
				if f == cards.AgreementWhat { // the longest: it wraps, not cuts
					e = newMultiLineTextEntry()
					e.SetMinRowsVisible(2)
				}
				e.name = tr.T("agreement." + string(f))
				e.SetPlaceHolder(hint)
				e.SetText(text)
				e.OnChanged = func(s string) {
					switch f {
					case cards.AgreementWho:
						a.Who = s
					case cards.AgreementWhat:
						a.What = s
					case cards.AgreementDue:
						a.Due = s
					}
					v.stored(v.store.SetAgreement(a.ID, f, s))
				}
				// At its own height: the row's other fields stay one line high
				// while one of them shows the warning.
				return container.NewVBox(withBSNWarning(tr, e))
			}
			id := a.ID
			del := newIconButton(tr.T("agreement.delete"), theme.DeleteIcon(), func() {
				if err := v.store.DeleteAgreement(id); err != nil {
					v.stored(err)
					return
				}
				v.s.Agreements = slices.DeleteFunc(v.s.Agreements, func(x cards.Agreement) bool { return x.ID == id })
				redraw()
			})
			rows.Add(container.NewBorder(nil, nil, nil, del, newAgreementRow(
				field(cards.AgreementWho, a.Who, tr.T("agreement.who.hint")),
				field(cards.AgreementWhat, a.What, tr.T("agreement.what.hint")),
				field(cards.AgreementDue, a.Due, tr.T("agreement.due.hint")))))
		}
	}
	redraw()
	add := newButton(tr.T("agreement.add"), theme.ContentAddIcon(), func() {
		a, err := v.store.AddAgreement(v.s.ID)
		if v.stored(err); err != nil {
			return
		}
		v.s.Agreements = append(v.s.Agreements, a)
		redraw()
	})
	return container.NewVBox(rows, container.NewHBox(add))
}

// Step 7: in a follow-up, look back and adjust; in a first session, start
// the follow-up.
func (v *SessionView) stepEvaluate() fyne.CanvasObject {
	tr := v.tr
	if v.s.PreviousID == 0 {
		start := newButton(tr.T("step7.start"), theme.ContentAddIcon(), func() { v.main.startFollowUp(v.s.ID, v.s.Started) })
		start.Importance = widget.HighImportance
		return container.NewVBox(wrapped(tr.T("step7.first")), container.NewHBox(start))
	}
	cont := newButton(tr.T("step7.continue"), theme.NavigateNextIcon(), func() { v.goTo(cards.StepDrivers) })
	cont.Importance = widget.HighImportance
	plan := container.NewVBox()
	if v.s.Goal != "" {
		plan.Add(wrapped(tr.T("step7.goal", map[string]any{"Goal": v.s.Goal})))
	}
	if o, ok := v.s.ChosenOption(); ok {
		c, _ := v.main.card(o.Card)
		plan.Add(wrapped(tr.T("step7.chosen", map[string]any{"Title": c.Title})))
	}
	for _, a := range v.s.Agreements {
		plan.Add(wrapped("• " + a.Who + ": " + a.What + " (" + a.Due + ")"))
	}
	return container.NewVBox(
		wrapped(tr.T("step7.intro")),
		section(tr.T("step7.before")), plan,
		question(tr.T("step7.review"), v.entry(cards.KeyReview, tr.T("step7.review.hint"), true)),
		question(tr.T("step7.goalright"), v.answer(cards.KeyGoalStillRight)),
		container.NewHBox(cont),
	)
}
