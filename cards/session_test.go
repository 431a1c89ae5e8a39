package cards

import (
	"maps"
	"testing"
)

// TestSession_SetValues checks that Values gives back every value Set put
// in, so that a session stored key by key reads back whole.
func TestSession_SetValues(t *testing.T) {
	s := NewSession()
	s.Options = []Option{NewOption(sampleCard("coach", CategoryTowardWork, "Coach"))}
	want := map[string]string{
		KeyStep: "5", KeyExpectations: "Werk", KeyNeeds: "Tijd", KeyRecognised: "ja", KeyWorkOn: "attitude,omstandigheden",
		KeyGoals: "schulden", KeyAge: "34", KeyExperience: "weinig", KeyLanguage: "A2", KeyGoal: "Doel", KeyFeasible: "Ja",
		KeySubGoals: "a\nb", KeyDecision: "coach", KeyWhy: "Omdat", KeyNextAppointment: "Maandag", KeyReview: "Goed",
		KeyGoalStillRight: "nee", KeyAreaNote(AreaMoney): "Schuld", KeyAreaMark(AreaMoney): "zorgen",
		KeyDriverHelps(FactorAttitude): "Kinderen", KeyDriverHoldsBack(FactorAttitude): "Angst", KeySure(3): "ja",
		KeyNote(2): "Notitie", KeyProWeight("coach", 1): "3", KeyConWeight("coach", 0): "0",
	}
	for k, v := range want {
		if err := s.Set(k, v); err != nil {
			t.Fatalf("Set(%s): %v", k, err)
		}
	}
	if got := s.Values(); !maps.Equal(got, want) {
		t.Errorf("Values() =\n%v\nwant\n%v", got, want)
	}
	for _, bad := range [][2]string{{KeyStep, "8"}, {KeyAge, "veel"}, {"onbekend", "x"}, {KeyProWeight("ander", 0), "1"}, {KeySure(4), "ja"}} {
		if err := s.Set(bad[0], bad[1]); err == nil {
			t.Errorf("Set(%q, %q) accepted", bad[0], bad[1])
		}
	}
}
