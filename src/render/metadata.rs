//! The XMP metadata packet of a tagged packet: title (the same as `/Info /Title`),
//! language, producer, and the PDF/UA-1 identification (`pdfuaid:part 1`).

use super::tags::lang_tag;
use crate::packet::Packet;

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
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>Briefbook (printpdf 0.12.8)</pdf:Producer>
<xmp:CreatorTool>Briefbook</xmp:CreatorTool>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn titles_are_escaped_for_xml() {
        assert_eq!(
            escape("R&D <draft> \"A\"\u{1}"),
            "R&amp;D &lt;draft&gt; &quot;A&quot; "
        );
    }
}
