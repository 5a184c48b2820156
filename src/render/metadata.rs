//! The document information dictionary (`/Info`) and the XMP metadata packet, written
//! from the same values so they agree: title, author, subject, dates (the packet's
//! prepared-on date, never the clock), language, producer, and the PDF/UA-1
//! identification (`pdfuaid:part 1`). Nothing claims PDF/X or PDF/A.

use super::tags::lang_tag;
use super::text_string;
use crate::packet::Packet;
use chrono::NaiveDate;
use lopdf::{Dictionary, Object};

pub const PRODUCER: &str = "Briefbook (printpdf 0.12.8)";

/// Who the packet is by: the preparer, else the dialogue.
pub fn author(packet: &Packet) -> &str {
    if packet.prepared_by.is_empty() {
        &packet.dialogue
    } else {
        &packet.prepared_by
    }
}

/// What the packet is about: the dialogue, and the meeting when it has another name.
pub fn subject(packet: &Packet) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in [packet.dialogue.as_str(), packet.meeting.name.as_str()] {
        if !part.is_empty() && !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(" — ")
}

/// A PDF date (ISO 32000-1 7.9.4) for midnight UTC of `day`.
pub fn pdf_date(day: NaiveDate) -> String {
    format!("D:{}000000Z", day.format("%Y%m%d"))
}

/// The `/Info` dictionary: each key once, dates only when the packet has a prepared-on
/// date (a missing date is better than 1970), and no `/GTS_PDFXVersion`.
pub fn info(packet: &Packet) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Title", text_string(&packet.title));
    d.set("Author", text_string(author(packet)));
    let subject = subject(packet);
    if !subject.is_empty() {
        d.set("Subject", text_string(&subject));
    }
    if !packet.dialogue_short.is_empty() {
        d.set("Keywords", text_string(&packet.dialogue_short));
    }
    d.set("Creator", Object::string_literal("Briefbook"));
    d.set("Producer", Object::string_literal(PRODUCER));
    if let Some(day) = packet.prepared_on {
        d.set("CreationDate", Object::string_literal(pdf_date(day)));
        d.set("ModDate", Object::string_literal(pdf_date(day)));
    }
    d.set("Trapped", Object::Name(b"False".to_vec()));
    d
}

/// Escapes text for XML element content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet (UTF-8) for `packet`.
pub fn xmp(packet: &Packet) -> String {
    let title = escape(&packet.title);
    let lang = lang_tag(packet.lang);
    let author = escape(author(packet));
    let subject = subject(packet);
    let description = if subject.is_empty() {
        String::new()
    } else {
        format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
            escape(&subject)
        )
    };
    let dates = packet.prepared_on.map_or(String::new(), |day| {
        let at = format!("{}T00:00:00Z", day.format("%Y-%m-%d"));
        format!(
            "<xmp:CreateDate>{at}</xmp:CreateDate>\n<xmp:ModifyDate>{at}</xmp:ModifyDate>\n<xmp:MetadataDate>{at}</xmp:MetadataDate>\n"
        )
    });
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
{description}<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>{PRODUCER}</pdf:Producer>
<xmp:CreatorTool>Briefbook</xmp:CreatorTool>
{dates}<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_escaped_for_xml() {
        assert_eq!(
            escape("R&D <draft> \"A\"\u{1}"),
            "R&amp;D &lt;draft&gt; &quot;A&quot; "
        );
    }

    #[test]
    fn dates_are_the_prepared_on_day_in_pdf_form() {
        let day = NaiveDate::from_ymd_opt(2021, 12, 10).unwrap();
        assert_eq!(pdf_date(day), "D:20211210000000Z");
    }
}
