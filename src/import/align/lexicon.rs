//! A small English–Spanish lexicon of the dialogue's domain: words that mean the same
//! thing but share no spelling (Pillar/Pilar share one; trade/comercio do not).
//!
//! Each concept lists English and Spanish words as folded prefixes (lower case, no
//! accents): a word of a text belongs to a concept when it starts with one of them.
//! Prefixes catch inflections ("sign", "signed", "signing"; "firm" for "firmar",
//! "firmaron"). Words whose spelling is shared closely enough ("cooperation",
//! "cooperación") need no entry: the aligner compares word beginnings too.

/// (English prefixes, Spanish prefixes) per concept.
pub const CONCEPTS: &[(&[&str], &[&str])] = &[
    // The dialogue and its structure.
    (&["pillar"], &["pilar"]),
    (&["dialogue", "dialog"], &["dialogo"]),
    (&["hled"], &["dean"]),
    (&["high"], &["alto"]),
    (&["level"], &["nivel"]),
    (&["economic", "economy"], &["economic", "economia"]),
    (
        &["united", "states", "us"],
        &["estados", "unidos", "eeuu", "eua"],
    ),
    (&["mexic"], &["mexic"]),
    (&["government"], &["gobierno"]),
    (&["countr"], &["pais", "paises"]),
    (&["both", "two"], &["ambos", "ambas", "dos"]),
    (&["joint"], &["conjunt"]),
    (&["bilateral"], &["bilateral"]),
    (&["department"], &["departamento"]),
    (&["secretariat", "secretary"], &["secretaria", "secretario"]),
    (&["commerce", "trade"], &["comerci"]),
    (&["labor", "labour"], &["trabajo", "laboral"]),
    (&["energy"], &["energia"]),
    (&["agenc"], &["agencia"]),
    (&["national"], &["nacional"]),
    (&["guard"], &["guardia"]),
    // Months.
    (&["january"], &["enero"]),
    (&["february"], &["febrero"]),
    (&["march"], &["marzo"]),
    (&["april"], &["abril"]),
    (&["may"], &["mayo"]),
    (&["june"], &["junio"]),
    (&["july"], &["julio"]),
    (&["august"], &["agosto"]),
    (&["september"], &["septiembre", "setiembre"]),
    (&["october"], &["octubre"]),
    (&["november"], &["noviembre"]),
    (&["december"], &["diciembre"]),
    (&["monthly"], &["mensual"]),
    (&["quarterly"], &["trimestral"]),
    (&["year", "annual"], &["ano", "anual"]),
    // Subjects.
    (&["supply"], &["suministro"]),
    (&["chain"], &["cadena"]),
    (&["investment", "invest"], &["inversion", "invert"]),
    (&["workforce", "worker"], &["fuerza", "trabajador"]),
    (&["job", "employment"], &["empleo"]),
    (&["training", "train"], &["capacit"]),
    (&["border"], &["frontera", "fronteriz"]),
    (&["clean"], &["limpi"]),
    (&["small"], &["pequen", "pyme"]),
    (&["business", "compan"], &["empresa"]),
    (&["device"], &["dispositivo"]),
    (&["medical"], &["medic"]),
    (&["migration"], &["migracion"]),
    (&["farmer"], &["agricultor"]),
    (&["agricultur"], &["agricol", "agricultur"]),
    (&["credit"], &["credito"]),
    (&["women"], &["mujer"]),
    (&["southern", "south"], &["sur"]),
    (&["central america"], &["centroamerica"]),
    (&["threat"], &["amenaza"]),
    (&["cyber"], &["ciber"]),
    (&["apprentice"], &["aprendi"]),
    (&["guidance", "guide"], &["guia"]),
    (&["manufactur"], &["manufactur", "fabrica"]),
    (&["plant"], &["planta"]),
    (&["rural"], &["rural"]),
    (&["communit"], &["comunidad"]),
    (&["solar"], &["solar"]),
    (&["working group", "group"], &["grupo"]),
    (&["exercise"], &["ejercicio"]),
    (&["workshop"], &["taller"]),
    (&["summit"], &["cumbre"]),
    (&["forum"], &["foro"]),
    (&["conference"], &["conferencia"]),
    (&["memorandum"], &["memorandum"]),
    (&["agreement"], &["acuerdo", "convenio"]),
    (&["letter"], &["carta"]),
    (&["intent"], &["intencion"]),
    (&["million"], &["millon"]),
    (&["dollar", "$"], &["dolar"]),
    (&["city"], &["ciudad"]),
    (&["young", "youth"], &["joven"]),
    (&["technician"], &["tecnico"]),
    (&["information"], &["informacion"]),
    (&["technolog"], &["tecnolog"]),
    // Verbs of what the governments did or will do.
    (&["sign"], &["firm"]),
    (
        &["hold", "held", "convene"],
        &["celebr", "realiz", "convoc"],
    ),
    (&["meet"], &["reun"]),
    (&["launch"], &["lanz", "marcha", "pusieron", "inici"]),
    (&["complet", "conclud"], &["conclu", "complet"]),
    (&["support"], &["apoy"]),
    (&["promot"], &["promov", "promuev"]),
    (&["strengthen"], &["fortalec"]),
    (&["establish"], &["establec"]),
    (&["agree"], &["acord"]),
    (&["announc"], &["anunci"]),
    (&["expand"], &["ampli"]),
    (&["share", "sharing"], &["compart"]),
    (&["publish"], &["public"]),
    (&["protect"], &["proteg"]),
    (&["reduc"], &["reduc"]),
    (&["map"], &["mape"]),
    (&["approv"], &["aprob"]),
    (&["commit"], &["compromet"]),
    (&["prepar"], &["prepar"]),
    (&["plan"], &["plan"]),
    (&["intend"], &["intencion"]),
];

/// The concept numbers the folded `words` name, read with the Spanish prefixes when
/// `spanish`, the English ones otherwise. A prefix of three letters or fewer must be the
/// whole word ("us" is not "use").
pub fn concepts(words: &[&str], spanish: bool) -> Vec<usize> {
    let mut found = Vec::new();
    let joined = words.join(" ");
    for (i, (en, es)) in CONCEPTS.iter().enumerate() {
        let prefixes = if spanish { es } else { en };
        let hit = prefixes.iter().any(|p| {
            if p.contains(' ') {
                joined.contains(p)
            } else {
                words.iter().any(|w| {
                    if p.len() <= 3 {
                        w == p
                    } else {
                        w.starts_with(p)
                    }
                })
            }
        });
        if hit {
            found.push(i);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_and_its_translation_name_the_same_concept() {
        let en = concepts(&["signed", "in", "june"], false);
        let es = concepts(&["firmaron", "en", "junio"], true);
        assert_eq!(en, es);
        assert!(!en.is_empty());
    }

    #[test]
    fn unrelated_words_name_no_concept() {
        assert!(concepts(&["zzz", "qqq"], false).is_empty());
    }
}
