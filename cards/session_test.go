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

func TestSession_ClientSees(t *testing.T) {
	s := NewSession()
	s.WorkOn = []Factor{FactorAttitude}
	tests := []struct {
		key      string
		followUp bool
		want     bool
	}{
		{KeyExpectations, false, true},
		{KeyNeeds, false, true},
		{KeyAreaNote(AreaMoney), false, true},
		{KeyAreaMark(AreaMoney), false, true},
		{KeyRecognised, false, true},
		{KeyAge, false, false},
		{KeyExperience, false, false},
		{KeyLanguage, false, false},
		{KeyWorkOn, false, true},
		{KeyDriverHelps(FactorAttitude), false, true},
		{KeyDriverHoldsBack(FactorAttitude), false, true},
		{KeyDriverHelps(FactorCircumstances), false, false},
		{KeyGoal, false, true},
		{KeyGoals, false, false},
		{KeyFeasible, false, false},
		{KeySubGoals, false, true},
		{KeyProWeight("coach", 0), false, true},
		{KeyConWeight("coach", 1), false, true},
		{KeySure(0), false, true},
		{KeyDecision, false, true},
		{KeyWhy, false, true},
		{KeyNextAppointment, false, true},
		{KeyReview, false, false},
		{KeyReview, true, true},
		{KeyGoalStillRight, true, true},
		{KeyStep, false, false},
		{KeyNote(2), false, false},
		{KeyNote(6), true, false},
		{"onbekend", false, false},
	}
	for _, tt := range tests {
		s.PreviousID = 0
		if tt.followUp {
			s.PreviousID = 1
		}
		if got := s.ClientSees(tt.key); got != tt.want {
			t.Errorf("ClientSees(%q), follow-up %v = %v, want %v", tt.key, tt.followUp, got, tt.want)
		}
	}
}
