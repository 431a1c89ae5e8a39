package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Team is what the screens need of a team database: who holds a client,
// handing over, a colleague for a duo intake, and the audit log;
// *storage.DB implements it. The laptop's own database has no team.
type Team interface {
	// Login is who this app works as.
	Login() string
	// TeamLead says whether this login sees every client of the team and
	// may hand over clients it does not hold.
	TeamLead() bool
	// Colleagues are the team's other professionals.
	Colleagues() ([]string, error)
	// Holders are who work with a client: the holder first, then
	// colleagues added for a duo intake.
	Holders(clientID int64) ([]string, error)
	Handovers(clientID int64) ([]cards.Handover, error)
	HandOver(clientID int64, to, note string) error
	AddColleague(clientID int64, login string) error
	RemoveColleague(clientID int64, login string) error
	// LogAction records in the audit log that a client was opened.
	LogAction(clientID int64, action, detail string) error
}

// actionOpened is the audit log's word for opening a client or session.
const actionOpened = "geopend"

// SetTeam makes the window work with a team database: the client's page
// says who works with the client and offers handing over and a colleague
// for a duo intake, and opening a client is logged.
func (m *Main) SetTeam(t Team) {
	m.team = t
	m.showWho()
}

// showWho says in the bar that the work goes to the team database, and as
// whom; on a laptop it says nothing.
func (m *Main) showWho() {
	if m.team == nil {
		m.who.Hide()
		return
	}
	m.who.SetText(m.tr.T("team.who", map[string]any{"Login": m.team.Login()}))
	m.who.Show()
}

// opened logs that a client, or one of their sessions, was opened; when the
// log cannot be written, the client is not shown.
func (m *Main) opened(clientID int64, detail string) error {
	if m.team == nil {
		return nil
	}
	return m.team.LogAction(clientID, actionOpened, detail)
}

// teamSection is the client's page's part about the team: who holds the
// client, colleagues, hand-overs with their notes, and the buttons to hand
// over and to add a colleague. reaches says whether this login may open
// the client's conversations (a team lead may see clients they do not).
func (h *Home) teamSection(c cards.Client) (section fyne.CanvasObject, reaches bool, err error) {
	m, tr := h.m, h.m.tr
	holders, err := m.team.Holders(c.ID)
	if err != nil {
		return nil, false, err
	}
	handovers, err := m.team.Handovers(c.ID)
	if err != nil {
		return nil, false, err
	}
	me := m.team.Login()
	box := container.NewVBox()
	holder := ""
	if len(holders) > 0 {
		holder = holders[0]
	}
	if holder == me {
		box.Add(wrapped(tr.T("team.holder.you")))
	} else {
		box.Add(wrapped(tr.T("team.holder", map[string]any{"Name": holder})))
	}
	for _, colleague := range holders[min(1, len(holders)):] {
		row := container.NewHBox(widget.NewLabel(tr.T("team.colleague", map[string]any{"Name": colleague})))
		if holder == me || colleague == me {
			row.Add(newButton(tr.T("team.colleague.remove"), theme.ContentRemoveIcon(), func() {
				if err := m.team.RemoveColleague(c.ID, colleague); err != nil {
					m.showError(err)
					return
				}
				h.reloadClient(c.ID)
			}))
		}
		box.Add(row)
	}
	for _, ho := range handovers {
		note := tr.T("team.handover.from", map[string]any{"From": ho.From, "To": ho.To, "Date": ho.At.Format("2-1-2006")})
		if strings.TrimSpace(ho.Note) != "" {
			note += " " + tr.T("team.handover.note.shown", map[string]any{"Note": ho.Note})
		}
		l := wrapped(note)
		l.Importance = widget.LowImportance
		box.Add(l)
	}
	actions := container.NewHBox()
	if holder == me || m.team.TeamLead() {
		actions.Add(newButton(tr.T("team.handover"), theme.MailForwardIcon(), func() { h.handOver(c, holder) }))
	}
	if holder == me {
		actions.Add(newButton(tr.T("team.colleague.add"), theme.AccountIcon(), func() { h.addColleague(c, holders) }))
	}
	if len(actions.Objects) > 0 {
		box.Add(actions)
	}
	return box, slices.Contains(holders, me), nil
}

// handOver asks to whom, with a note, and what it means, and then hands
// the client over.
func (h *Home) handOver(c cards.Client, holder string) {
	m, tr := h.m, h.m.tr
	colleagues, err := m.team.Colleagues()
	if err != nil {
		m.showError(err)
		return
	}
	colleagues = slices.DeleteFunc(colleagues, func(s string) bool { return s == holder })
	if len(colleagues) == 0 {
		m.showInfo(tr.T("team.handover.title"), tr.T("team.nocolleagues"))
		return
	}
	to := widget.NewSelect(colleagues, nil)
	to.PlaceHolder = tr.T("team.pick")
	note := newMultiLineTextEntry() // Enter starts a new line here, not the hand-over
	note.SetMinRowsVisible(4)
	note.SetPlaceHolder(tr.T("team.handover.note.hint"))
	warning := wrapped(tr.T("team.handover.warning"))
	var form *dialog.FormDialog
	form = m.form(tr.T("team.handover.title"), tr.T("team.handover.confirm"), []*widget.FormItem{
		widget.NewFormItem(tr.T("team.handover.to"), to),
		widget.NewFormItem(tr.T("team.handover.note"), note),
		widget.NewFormItem("", warning),
	}, func() {
		err := errors.New(tr.T("team.pick"))
		if to.Selected != "" {
			err = m.team.HandOver(c.ID, to.Selected, note.Text)
		}
		if err != nil {
			m.showErrorThen(err, func() { m.showDialog(form, form.Submit, nil) })
			return
		}
		h.reload()
		h.reloadClient(c.ID)
		m.showInfo(tr.T("team.handover.title"), tr.T("team.handover.done", map[string]any{"Client": c.Name, "Name": to.Selected}))
	}, 520)
}

// addColleague asks which colleague joins the client for a duo intake.
func (h *Home) addColleague(c cards.Client, holders []string) {
	m, tr := h.m, h.m.tr
	colleagues, err := m.team.Colleagues()
	if err != nil {
		m.showError(err)
		return
	}
	colleagues = slices.DeleteFunc(colleagues, func(s string) bool { return slices.Contains(holders, s) })
	if len(colleagues) == 0 {
		m.showInfo(tr.T("team.colleague.title"), tr.T("team.nocolleagues"))
		return
	}
	who := widget.NewSelect(colleagues, nil)
	who.PlaceHolder = tr.T("team.pick")
	var form *dialog.FormDialog
	form = m.form(tr.T("team.colleague.title"), tr.T("team.colleague.confirm"), []*widget.FormItem{
		widget.NewFormItem(tr.T("team.colleague.who"), who),
		widget.NewFormItem("", wrapped(tr.T("team.colleague.explain"))),
	}, func() {
		err := errors.New(tr.T("team.pick"))
		if who.Selected != "" {
			err = m.team.AddColleague(c.ID, who.Selected)
		}
		if err != nil {
			m.showErrorThen(err, func() { m.showDialog(form, form.Submit, nil) })
			return
		}
		h.reloadClient(c.ID)
	}, 480)
}

// reloadClient shows a client's page again as it is now, or, when this
// login no longer sees the client, the empty page.
func (h *Home) reloadClient(id int64) {
	c, err := h.m.store.Client(id)
	if err != nil {
		h.detail.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewLabel(h.m.tr.T("home.choose")))}
		h.detail.Refresh()
		return
	}
	h.showClient(c)
}
