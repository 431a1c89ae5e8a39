package pdf

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"math"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Documents that go into a file (the plan, the report) are PDF/A-2b: fonts
// embedded (as in every PDF we make), an output intent with an sRGB colour
// profile, XMP metadata that says the same as the document information,
// and an ID in the trailer (compressStreams adds it).

// producer is the PDF producer, in the document information and the XMP.
const producer = "Samen Beslissen with go-pdf/fpdf"

// archival makes d a PDF/A-2b document described by m.
func archival(d *fpdf.Fpdf, m Meta) {
	d.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                sRGBProfile(),
	})
	d.SetXmpMetadata(xmpMetadata(m))
}

// xmpMetadata is the XMP packet of a PDF/A-2b document: its part and
// conformance, and what the document information says, in the same words
// and at the same times (without a time zone, as fpdf writes them there).
func xmpMetadata(m Meta) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := m.Created.Format("2006-01-02T15:04:05")
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` + "\n")
	b.WriteString("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if m.Title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if m.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(m.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	b.WriteString("<xmp:CreatorTool>Samen Beslissen</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate><xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("<pdf:Producer>" + producer + "</pdf:Producer>\n")
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}

// sRGBProfile is an ICC version 2 display profile of sRGB (IEC 61966-2-1):
// the primaries adapted to the D50 white of the profile connection space
// (Bradford), and the sRGB tone curve as a table. It is made here rather
// than copied, so it carries no one else's licence.
var sRGBProfile = sync.OnceValue(func() []byte {
	be := binary.BigEndian
	s15 := func(v float64) []byte {
		b := make([]byte, 4)
		be.PutUint32(b, uint32(int32(math.Round(v*65536))))
		return b
	}
	xyz := func(x, y, z float64) []byte {
		b := []byte("XYZ \x00\x00\x00\x00")
		return append(append(append(b, s15(x)...), s15(y)...), s15(z)...)
	}
	text := func(s string) []byte {
		return append(append([]byte("text\x00\x00\x00\x00"), s...), 0)
	}
	desc := func(s string) []byte {
		b := []byte("desc\x00\x00\x00\x00")
		b = be.AppendUint32(b, uint32(len(s)+1))
		b = append(append(b, s...), 0)
		b = be.AppendUint32(b, 0) // no Unicode description
		b = be.AppendUint32(b, 0)
		b = be.AppendUint16(b, 0) // no ScriptCode description
		b = append(b, 0)
		return append(b, make([]byte, 67)...)
	}
	const points = 1024
	curve := be.AppendUint32([]byte("curv\x00\x00\x00\x00"), points)
	for i := range points {
		v := float64(i) / (points - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = be.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	tags := []struct {
		sig  string
		data []byte
	}{
		{"desc", desc("sRGB IEC61966-2.1 (Samen Beslissen)")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve}, {"gTRC", curve}, {"bTRC", curve}, // one table, shared
	}
	table := 4 + 12*len(tags)
	offset := 128 + table
	var body []byte
	dir := be.AppendUint32(nil, uint32(len(tags)))
	placed := map[*byte]int{}
	for _, t := range tags {
		at, ok := placed[&t.data[0]]
		if !ok {
			for len(body)%4 != 0 {
				body = append(body, 0)
			}
			at = offset + len(body)
			placed[&t.data[0]] = at
			body = append(body, t.data...)
		}
		dir = append(dir, t.sig...)
		dir = be.AppendUint32(dir, uint32(at))
		dir = be.AppendUint32(dir, uint32(len(t.data)))
	}
	header := make([]byte, 128)
	size := 128 + table + len(body)
	be.PutUint32(header[0:], uint32(size))
	be.PutUint32(header[8:], 0x02100000) // version 2.1
	copy(header[12:], "mntrRGB XYZ ")
	for i, v := range []uint16{2026, 1, 1, 0, 0, 0} {
		be.PutUint16(header[24+2*i:], v)
	}
	copy(header[36:], "acsp")
	copy(header[68:], append(append(s15(0.9642), s15(1.0)...), s15(0.8249)...))
	return append(append(header, dir...), body...)
})
