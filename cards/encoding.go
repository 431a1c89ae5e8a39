package cards

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Text files as Excel on Dutch Windows writes them: "CSV UTF-8" (UTF-8
// with a byte order mark), the classic "CSV (gescheiden door
// lijstscheidingsteken)" in Windows-1252 without one, and "Unicode-tekst"
// (UTF-16 little-endian with a byte order mark, tab-separated). The
// encoding is decided by the bytes, never by a guess that can garble: a
// byte order mark names it; text that is valid UTF-8 is UTF-8; anything
// else is read as Windows-1252, in which every byte that Excel writes is a
// character, and the reader is told so.

// Encoding names, as the notice tells the user.
const (
	encUTF8        = "UTF-8"
	encUTF16       = "UTF-16 (Unicode-tekst)"
	encWindows1252 = "Windows-1252 (ANSI)"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	zipMagic   = []byte("PK\x03\x04")
)

// decodeText returns the text of a file as UTF-8 and the encoding it was
// in, or a problem saying in one sentence why the file is not text that can
// be read.
func decodeText(name string, data []byte) (string, string, *Problem) {
	refuse := func(msg string) (string, string, *Problem) {
		return "", "", &Problem{File: name, Message: msg}
	}
	var text, enc string
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return refuse("dit is een Excel-werkmap; geef het bestand een naam die eindigt op .xlsx")
	case bytes.HasPrefix(data, bomUTF8):
		text, enc = string(data[len(bomUTF8):]), encUTF8
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		order := xunicode.LittleEndian
		if bytes.HasPrefix(data, bomUTF16BE) {
			order = xunicode.BigEndian
		}
		if len(data)%2 != 0 {
			return refuse("het bestand is als Unicode-tekst (UTF-16) begonnen maar is niet heel; sla het opnieuw op")
		}
		out, err := xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return refuse("het bestand is als Unicode-tekst (UTF-16) begonnen maar bevat tekens die dat niet zijn; sla het opnieuw op")
		}
		text, enc = string(out), encUTF16
	case utf8.Valid(data):
		text, enc = string(data), encUTF8
	default:
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return refuse("de tekens in dit bestand passen in geen bekende codering; sla het in Excel op als \"CSV UTF-8\" of als .xlsx")
		}
		text, enc = string(out), encWindows1252
	}
	if strings.ContainsRune(text, utf8.RuneError) {
		return refuse("het bestand bevat het teken �: daar stond een letter die eerder verkeerd is opgeslagen; zet de juiste letter terug")
	}
	if binary(text) {
		return refuse("dit is geen tekstbestand; kies een catalogus die als .xlsx, .csv of .toml is opgeslagen")
	}
	return text, enc, nil
}

// binary reports control characters that no text file has: text is
// letters, digits, punctuation, spaces, tabs and line ends.
func binary(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return true
		}
	}
	return false
}
