package ui

import (
	"fmt"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
)

// checkAccessible fails for a tappable or focusable widget of ours that a
// screen reader could not name, and for any named widget with an empty
// name. Fyne 2.8.1 names only its Button, Label and Hyperlink; its Entry,
// Check, Select and RadioGroup have no accessible name yet.
func checkAccessible(t *testing.T, c fyne.Canvas, what string) {
	t.Helper()
	ours := reflect.TypeOf(Main{}).PkgPath()
	for _, o := range visibleObjects(c.Content()) {
		_, tappable := o.(fyne.Tappable)
		_, focusable := o.(fyne.Focusable)
		a, named := o.(fyne.Accessible)
		typ := reflect.TypeOf(o)
		isOurs := typ.Kind() == reflect.Pointer && typ.Elem().PkgPath() == ours
		switch {
		case isOurs && (tappable || focusable) && !named:
			t.Errorf("%s: %T can be used but has no accessible name", what, o)
		case named && a.AccessibilityLabel() == "" && (tappable || focusable || isOurs):
			t.Errorf("%s: %T has an empty accessible name", what, o)
		}
	}
}

func TestAccessibility_EveryControlHasAName(t *testing.T) {
	for _, lang := range InterfaceLanguages() {
		t.Run(lang, func(t *testing.T) {
			m, w, _, db := newTestMainDB(t, "")
			id := fullSession(t, db, m)
			m.SetLanguage(lang)
			screenVisits(m, id, func(what string) { checkAccessible(t, w.Canvas(), what) })
		})
	}
	for _, lang := range ClientLanguages {
		t.Run("client/"+lang, func(t *testing.T) {
			m, w, _, db := newTestMainDB(t, "")
			m.OpenSession(fullSession(t, db, m))
			m.clientLang = lang
			m.showClientView(m.Session())
			for step := 1; step <= 7; step++ {
				m.ClientView().goTo(step)
				checkAccessible(t, w.Canvas(), fmt.Sprintf("client view step %d", step))
			}
		})
	}
}
