package ui

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// clientPage is how many clients the home list shows; beyond that the
// professional searches by name.
const clientPage = 200

// Home lists the clients, most recently seen first, with a search by name;
// choosing one shows their timeline of sessions.
type Home struct {
	m        *Main
	search   *widget.Entry
	list     *widget.List
	clients  []cards.Client
	selected widget.ListItemID // the client whose page shows, -1 for none
	more     *widget.Label
	banner   *fyne.Container // clients past the retention period, if any
	detail   *fyne.Container
	content  fyne.CanvasObject
}

func newHome(m *Main) *Home {
	tr := m.tr
	h := &Home{m: m}
	h.search = widget.NewEntry()
	h.search.SetPlaceHolder(tr.T("home.search"))
	h.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	h.search.OnChanged = func(string) { h.reload() }
	h.list = widget.NewList(
		func() int { return len(h.clients) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("")
			info.Importance = widget.LowImportance
			info.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, info)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(h.clients) {
				return
			}
			c := h.clients[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(c.Name)
			box.Objects[1].(*widget.Label).SetText(clientInfo(c, tr))
		})
	h.list.OnSelected = func(i widget.ListItemID) {
		h.selected = i
		if i < len(h.clients) {
			h.showClient(h.clients[i])
		}
	}
	h.more = widget.NewLabel(tr.T("home.more", map[string]any{"N": clientPage}))
	h.more.Wrapping = fyne.TextWrapWord
	h.more.Hide()
	add := newButton(tr.T("home.new"), theme.ContentAddIcon(), h.newClient)
	add.Importance = widget.HighImportance
	h.banner = container.NewStack()
	left := container.NewBorder(container.NewVBox(add, h.search, h.banner), h.more, nil, nil, h.list)
	h.detail = container.NewStack(container.NewCenter(widget.NewLabel(tr.T("home.choose"))))
	split := container.NewHSplit(left, h.detail)
	split.Offset = 0.3
	h.content = split // filled by reload, when shown
	return h
}

// clientInfo is the line under a client's name: reference, number of
// sessions and when the latest one was.
func clientInfo(c cards.Client, tr *locales.Translator) string {
	s := tr.N("home.sessions", c.Sessions)
	if c.Sessions > 0 {
		s += ", " + tr.T("home.latest", map[string]any{"Date": c.LastActivity.Format("2-1-2006")})
	}
	if c.Reference != "" {
		s = c.Reference + " · " + s
	}
	return s
}

// reload lists the clients that match the search.
func (h *Home) reload() {
	cs, err := h.m.store.ListClients(context.Background(), h.search.Text, clientPage+1)
	if err != nil {
		h.m.showError(err)
		return
	}
	h.more.Hide()
	if len(cs) > clientPage {
		cs = cs[:clientPage]
		h.more.Show()
	}
	h.clients = cs
	h.banner.RemoveAll()
	if b := h.expiredBanner(); b != nil {
		h.banner.Add(b)
	}
	h.selected = -1
	h.list.UnselectAll()
	h.list.Refresh()
}

// newClient asks for a name or initials and an optional own reference. A
// name that is missing or too long keeps the form from being sent, and if
// saving fails the form comes back with what was typed.
func (h *Home) newClient() {
	tr := h.m.tr
	name := h.m.newDialogEntry()
	name.SetPlaceHolder(tr.T("client.name.hint"))
	name.Validator = func(s string) error {
		switch {
		case strings.TrimSpace(s) == "":
			return errors.New(tr.T("client.name.required"))
		case utf8.RuneCountInString(strings.TrimSpace(s)) > cards.MaxNameLength:
			return errors.New(tr.T("client.name.long", map[string]any{"N": cards.MaxNameLength}))
		}
		return nil
	}
	ref := h.m.newDialogEntry()
	ref.SetPlaceHolder(tr.T("client.reference.hint"))
	ref.Validator = func(s string) error {
		if utf8.RuneCountInString(strings.TrimSpace(s)) > cards.MaxReferenceLength {
			return errors.New(tr.T("client.reference.long", map[string]any{"N": cards.MaxReferenceLength}))
		}
		return nil
	}
	var form *dialog.FormDialog
	form = h.m.form(tr.T("home.new"), tr.T("client.create"), []*widget.FormItem{
		widget.NewFormItem(tr.T("client.name"), name),
		widget.NewFormItem(tr.T("client.reference"), ref),
	}, func() {
		err := errors.Join(name.Validate(), ref.Validate())
		var c cards.Client
		if err == nil {
			c, err = h.m.store.CreateClient(name.Text, ref.Text)
		}
		if err != nil {
			h.m.showErrorThen(err, func() { h.m.showDialog(form, form.Submit, nil) })
			return
		}
		h.search.SetText("")
		h.reload()
		h.selectClient(c)
	}, 480)
	h.m.win.Canvas().Focus(name)
}

// selectClient marks a client in the list and shows their page.
func (h *Home) selectClient(c cards.Client) {
	if i := slices.IndexFunc(h.clients, func(x cards.Client) bool { return x.ID == c.ID }); i >= 0 {
		h.list.Select(i)
		h.list.ScrollTo(i)
		return
	}
	h.showClient(c)
}

// showClient shows a client's details and timeline of sessions, and in a
// team who works with the client. A team lead who does not work with the
// client sees only that.
func (h *Home) showClient(c cards.Client) {
	tr := h.m.tr
	var team fyne.CanvasObject
	if h.m.team != nil {
		var reaches bool
		var err error
		if team, reaches, err = h.teamSection(c); err != nil {
			h.m.showError(err)
			return
		}
		if !reaches {
			page := container.NewVBox(widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), section(tr.T("team.section")), team)
			h.detail.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(page))}
			h.detail.Refresh()
			return
		}
		if err := h.m.opened(c.ID, ""); err != nil {
			h.m.showError(err)
			return
		}
	}
	sessions, err := h.m.store.Sessions(c.ID)
	if err != nil {
		h.m.showError(err)
		return
	}
	name := widget.NewEntry()
	name.SetText(c.Name)
	ref := widget.NewEntry()
	ref.SetText(c.Reference)
	ref.SetPlaceHolder(tr.T("client.reference.hint"))
	saveClient := func(string) {
		if err := h.m.store.UpdateClient(c.ID, name.Text, ref.Text); err != nil {
			h.m.markSaved(err)
			return
		}
		h.m.markSaved(nil)
	}
	name.OnChanged, ref.OnChanged = saveClient, saveClient

	timeline := container.NewVBox()
	if len(sessions) == 0 {
		timeline.Add(wrapped(tr.T("client.nosessions")))
	}
	for i := len(sessions) - 1; i >= 0; i-- { // newest first
		s := sessions[i]
		label := tr.T("client.session", map[string]any{"Date": s.Started.Format("2-1-2006"), "Step": s.Step, "Name": tr.T("step." + strconv.Itoa(s.Step))})
		if s.PreviousID != 0 {
			label = tr.T("client.followup") + " · " + label
		}
		open := newButton(label, theme.DocumentIcon(), func() { h.m.openSession(s.ID) })
		open.Alignment = widget.ButtonAlignLeading
		timeline.Add(open)
		if s.Goal != "" {
			goal := wrapped(tr.T("client.goal", map[string]any{"Goal": s.Goal}))
			goal.Importance = widget.LowImportance
			timeline.Add(goal)
		}
	}

	start := newButton(tr.T("client.newsession"), theme.ContentAddIcon(), func() {
		s, err := h.m.store.CreateSession(c.ID)
		if err != nil {
			h.m.showError(err)
			return
		}
		h.m.openSession(s.ID)
	})
	start.Importance = widget.HighImportance
	export := newButton(tr.T("client.export"), theme.DownloadIcon(), func() {
		path, err := h.m.printer.ExportClient(c.ID)
		if err != nil {
			h.m.showError(err)
			return
		}
		h.m.showInfo(tr.T("client.export.done"), tr.T("client.export.saved", map[string]any{"Name": c.Name, "File": path}))
	})
	actions := container.NewHBox(start, export)
	if len(sessions) > 0 {
		last := sessions[len(sessions)-1]
		actions.Add(newButton(tr.T("client.followupnew"), theme.MediaReplayIcon(), func() { h.m.startFollowUp(last.ID, last.Started) }))
	}
	page := container.NewVBox(
		widget.NewForm(widget.NewFormItem(tr.T("client.name"), name), widget.NewFormItem(tr.T("client.reference"), ref)),
		actions,
		section(tr.T("client.timeline")),
		timeline,
	)
	if team != nil {
		page.Add(section(tr.T("team.section")))
		page.Add(team)
	}
	if h.m.privacy != nil {
		erase := newButton(tr.T("erase.button"), theme.DeleteIcon(), func() { h.m.confirmErase(c) })
		erase.Importance = widget.DangerImportance
		page.Add(widget.NewSeparator())
		page.Add(container.NewHBox(erase))
	}
	h.detail.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(page))}
	h.detail.Refresh()
}
