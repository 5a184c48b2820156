//! The agencies the importer knows by name: the built-in list (HLED co-chairs and
//! every agency of the seed), and others recognised when a document names them.

use crate::model::Country;

pub struct Known {
    pub name: &'static str,
    pub name_es: &'static str,
    pub acronym: &'static str,
    pub country: Country,
    /// Folded (lowercase, accent-free) names the text may use.
    pub aliases: &'static [&'static str],
    /// Whether the bare acronym is safe to match anywhere ("USAID"), or only in a
    /// "(ACR)" pair because it is also a common word ("SE", "DOS").
    pub bare: bool,
}

pub const KNOWN: &[Known] = &[
    Known {
        name: "U.S. Department of State",
        name_es: "Departamento de Estado de EE. UU.",
        acronym: "DOS",
        country: Country::Us,
        aliases: &[
            "department of state",
            "state department",
            "secretary of state",
            "departamento de estado",
        ],
        bare: false,
    },
    Known {
        name: "U.S. Department of Commerce",
        name_es: "Departamento de Comercio de EE. UU.",
        acronym: "DOC",
        country: Country::Us,
        aliases: &[
            "department of commerce",
            "commerce department",
            "secretary of commerce",
            "departamento de comercio",
        ],
        bare: false,
    },
    Known {
        name: "Office of the United States Trade Representative",
        name_es: "Oficina del Representante Comercial de EE. UU.",
        acronym: "USTR",
        country: Country::Us,
        aliases: &["trade representative", "representante comercial"],
        bare: true,
    },
    Known {
        name: "Secretariat of Foreign Affairs",
        name_es: "Secretaría de Relaciones Exteriores",
        acronym: "SRE",
        country: Country::Mx,
        aliases: &[
            "secretaria de relaciones exteriores",
            "secretary of foreign relations",
            "secretariat of foreign relations",
            "foreign relations secretariat",
            "mexican secretary of foreign affairs",
            "secretariat of foreign affairs",
            "ministry of foreign affairs",
            "foreign ministry",
            "mexican foreign ministry",
        ],
        bare: true,
    },
    Known {
        name: "Secretariat of Finance and Public Credit",
        name_es: "Secretaría de Hacienda y Crédito Público",
        acronym: "SHCP",
        country: Country::Mx,
        aliases: &[
            "secretaria de hacienda y credito publico",
            "secretariat of finance and public credit",
            "ministry of finance and public credit",
            "secretaria de hacienda",
            "secretario de hacienda",
            "secretary of finance and public credit",
            "secretary of finance",
            "secretariat of finance",
            "ministry of finance",
            "finance ministry",
        ],
        bare: true,
    },
    Known {
        name: "Secretariat of Economy",
        name_es: "Secretaría de Economía",
        acronym: "SE",
        country: Country::Mx,
        aliases: &[
            "secretaria de economia",
            "secretary of economy",
            "secretary of the economy",
            "mexican secretary of economy",
            "secretariat of economy",
            "secretariat of the economy",
            "ministry of economy",
            "ministry of the economy",
            "economy ministry",
            "economy secretariat",
        ],
        bare: false,
    },
    Known {
        name: "United States Agency for International Development",
        name_es: "Agencia de los Estados Unidos para el Desarrollo Internacional",
        acronym: "USAID",
        country: Country::Us,
        aliases: &[
            "united states agency for international development",
            "u.s. agency for international development",
            "agencia de los estados unidos para el desarrollo internacional",
        ],
        bare: true,
    },
    Known {
        name: "Mexican Agency for International Development Cooperation",
        name_es: "Agencia Mexicana de Cooperación Internacional para el Desarrollo",
        acronym: "AMEXCID",
        country: Country::Mx,
        aliases: &[
            "mexican agency for international development cooperation",
            "agencia mexicana de cooperacion internacional para el desarrollo",
        ],
        bare: true,
    },
    Known {
        name: "Federal Commission for the Protection against Sanitary Risks",
        name_es: "Comisión Federal para la Protección contra Riesgos Sanitarios",
        acronym: "COFEPRIS",
        country: Country::Mx,
        aliases: &[
            "federal commission for the protection against sanitary risks",
            "comision federal para la proteccion contra riesgos sanitarios",
            "mexican sanitary agency",
            "mexican health regulator",
        ],
        bare: true,
    },
    Known {
        name: "United States Patent and Trademark Office",
        name_es: "Oficina de Patentes y Marcas de los Estados Unidos",
        acronym: "USPTO",
        country: Country::Us,
        aliases: &[
            "united states patent and trademark office",
            "u.s. patent and trademark office",
            "patent and trademark office",
            "oficina de patentes y marcas",
        ],
        bare: true,
    },
    Known {
        name: "Mexican Institute of Industrial Property",
        name_es: "Instituto Mexicano de la Propiedad Industrial",
        acronym: "IMPI",
        country: Country::Mx,
        aliases: &[
            "mexican institute of industrial property",
            "instituto mexicano de la propiedad industrial",
        ],
        bare: true,
    },
];

/// Recognised when named, but not built in: adding them to the built-in list would
/// change what every new database starts with.
pub const RECOGNISED: &[Known] = &[
    Known {
        name: "U.S. Department of the Treasury",
        name_es: "Departamento del Tesoro de EE. UU.",
        acronym: "TREAS",
        country: Country::Us,
        aliases: &[
            "department of the treasury",
            "treasury department",
            "u.s. treasury",
            "secretary of the treasury",
            "treasury secretary",
            "departamento del tesoro",
            "secretaria del tesoro",
            "secretario del tesoro",
            "treasury",
        ],
        bare: true,
    },
    Known {
        name: "Global Affairs Canada",
        name_es: "Asuntos Globales Canadá",
        acronym: "GAC",
        country: Country::Other,
        aliases: &[
            "global affairs canada",
            "minister of foreign affairs of canada",
            "canada's minister of foreign affairs",
        ],
        bare: false,
    },
    Known {
        name: "Ministry of Development, Industry, Trade and Services of Brazil",
        name_es: "Ministerio de Desarrollo, Industria, Comercio y Servicios de Brasil",
        acronym: "MDIC",
        country: Country::Other,
        aliases: &[
            "ministry of development, industry, trade and services",
            "ministry of development, industry, foreign trade and services",
            "ministerio do desenvolvimento, industria, comercio e servicos",
            "ministerio de desarrollo, industria, comercio y servicios",
            "brazil's ministry of development, industry, trade and services",
        ],
        // Not a word in any of the dialogue's languages.
        bare: true,
    },
    Known {
        name: "Ministry of Foreign Affairs of Brazil",
        name_es: "Ministerio de Relaciones Exteriores de Brasil",
        acronym: "MRE",
        country: Country::Other,
        aliases: &[
            "brazil's ministry of foreign affairs",
            "ministry of foreign affairs of brazil",
            "brazilian ministry of foreign affairs",
            "ministerio das relacoes exteriores",
            "itamaraty",
        ],
        bare: false,
    },
];
