package pdf

import (
	"strings"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// contactLine is whom the client can call, in the plan's language, made of
// what is set: the person and the phone, the phone alone, or whom to ask,
// followed by the municipality. It is "" when there is neither a person nor
// a phone: a line without a way to call would only say "Bel , .".
func contactLine(t Translate, o cards.Organisation) string {
	contact, phone, org := strings.TrimSpace(o.Contact), strings.TrimSpace(o.Phone), strings.TrimSpace(o.Name)
	if phone != "" {
		// A phone number is read from left to right in an Arabic line too,
		// its groups of digits in their order.
		phone = "\u200E" + phone
	}
	data := map[string]any{"Contact": contact, "Phone": phone, "Org": org}
	var line string
	switch {
	case contact != "" && phone != "":
		line = t("plan.contact.call", data)
	case phone != "":
		line = t("plan.contact.phone", data)
	case contact != "":
		line = t("plan.contact.person", data)
	default:
		return ""
	}
	if org != "" {
		line += " " + t("plan.contact.org", data)
	}
	return line
}
