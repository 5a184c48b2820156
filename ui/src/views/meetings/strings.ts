// The words of the Meetings view, in English and Spanish, one typed shape for both (a test
// checks they hold the same keys), following the app's language setting; ready to be
// folded into the catalogue (ui/src/i18n) as `meetings.*`. Functions take what a
// sentence needs, so word order stays each language's.

import type { MeetingKind } from "../../bindings/MeetingKind";
import type { NoteKind } from "../../bindings/NoteKind";
import type { Side } from "../../bindings/Side";
import { lang } from "../../i18n";

export type MeetingNoteKind = Extract<NoteKind, "points_to_make" | "if_raised" | "background">;

export interface MeetingStrings {
  title: string;
  nav: string;
  dialogue: string;
  listHeading: string;
  none: string;
  newMeeting: string;
  create: string;
  creating: string;
  cancel: string;
  created: (title: string) => string;
  counts: (agenda: number, participants: number, notes: number) => string;
  pickOne: string;
  loading: string;
  // Fields of the meeting itself.
  fieldTitle: string;
  fieldTitleEs: string;
  fieldDate: string;
  datePlaceholder: string;
  fieldPlace: string;
  fieldKind: string;
  ourDelegation: string;
  theirDelegation: string;
  scopeNote: string;
  scopeNoteEs: string;
  kinds: Record<MeetingKind, string>;
  // Sections of the editor.
  objectives: string;
  objective: string;
  addObjective: string;
  agenda: string;
  agendaItem: string;
  addAgendaItem: string;
  starts: string;
  ends: string;
  item: string;
  lead: string;
  pillars: string;
  initiatives: string;
  linkInitiative: string;
  unlink: (title: string) => string;
  participants: string;
  participant: string;
  addParticipant: string;
  name: string;
  personTitle: string;
  organisation: string;
  side: string;
  sides: Record<Side, string>;
  role: string;
  bio: string;
  pressLines: string;
  pressLine: string;
  addPressLine: string;
  lineOrQuestion: string;
  answer: string;
  answerHint: string;
  notes: string;
  note: string;
  addNote: string;
  noteKind: string;
  noteText: string;
  noteKinds: Record<MeetingNoteKind, string>;
  clearance: string;
  draftedBy: string;
  office: string;
  draftedOn: string;
  clearedBy: string;
  clearedByHint: string;
  // Row actions.
  remove: string;
  removeRow: (what: string, n: number) => string;
  moveUp: (what: string, n: number) => string;
  moveDown: (what: string, n: number) => string;
  emptyList: string;
  // Meeting actions.
  save: string;
  saving: string;
  saved: string;
  discard: string;
  unsaved: string;
  deleteMeeting: string;
  deleteQuestion: string;
  deleted: (title: string) => string;
  undo: string;
  undone: (what: string) => string;
  exportIcs: string;
  exporting: string;
  exported: (path: string) => string;
  briefingBook: string;
  discardQuestion: string;
  discardDetail: string;
  // Problems found before the core is asked.
  dateProblem: (where: string, problem: string) => string;
  stillReading: string;
  agendaWhere: (n: number, which: "starts" | "ends") => string;
  meetingDateWhere: string;
  // The packet builder's choice.
  bookFor: string;
  noMeeting: string;
}

export const en: MeetingStrings = {
  title: "Meetings",
  nav: "Meetings",
  dialogue: "Dialogue",
  listHeading: "Meetings of the dialogue",
  none: "No meetings yet. Add the next one to prepare its briefing book.",
  newMeeting: "New meeting",
  create: "Add meeting",
  creating: "Adding…",
  cancel: "Cancel",
  created: (title) => `Meeting “${title}” added`,
  counts: (agenda, participants, notes) =>
    `${agenda} agenda ${agenda === 1 ? "item" : "items"} · ${participants} ${participants === 1 ? "participant" : "participants"} · ${notes} ${notes === 1 ? "note" : "notes"}`,
  pickOne: "Choose a meeting to edit it, or add one.",
  loading: "Loading…",
  fieldTitle: "Title",
  fieldTitleEs: "Title in Spanish",
  fieldDate: "Date or date and time",
  datePlaceholder: "e.g. 2022-09-12 or 2022-09-12T09:30:00-04:00",
  fieldPlace: "Place",
  fieldKind: "Kind",
  ourDelegation: "Our delegation",
  theirDelegation: "Their delegation",
  scopeNote: "Scope note (purpose and context)",
  scopeNoteEs: "Scope note in Spanish",
  kinds: {
    leaders: "Leaders",
    ministerial: "Ministerial",
    senior_officials: "Senior officials",
    working_level: "Working level",
    technical: "Technical",
    other: "Other",
  },
  objectives: "Objectives",
  objective: "Objective",
  addObjective: "+ Objective",
  agenda: "Agenda",
  agendaItem: "Agenda item",
  addAgendaItem: "+ Agenda item",
  starts: "Starts",
  ends: "Ends",
  item: "Item",
  lead: "Lead speaker",
  pillars: "Pillars",
  initiatives: "Initiatives",
  linkInitiative: "Link an initiative…",
  unlink: (title) => `Unlink ${title}`,
  participants: "Participants",
  participant: "Participant",
  addParticipant: "+ Participant",
  name: "Name",
  personTitle: "Title",
  organisation: "Organisation",
  side: "Side",
  sides: { ours: "Ours", theirs: "Theirs" },
  role: "Role",
  bio: "Short bio",
  pressLines: "Press lines",
  pressLine: "Press line",
  addPressLine: "+ Press line",
  lineOrQuestion: "Line to take, or anticipated question",
  answer: "Answer",
  answerHint: "Leave empty for a line to take",
  notes: "Briefing notes",
  note: "Note",
  addNote: "+ Note",
  noteKind: "Kind",
  noteText: "Text (the question, for if raised)",
  noteKinds: { points_to_make: "Points to make", if_raised: "If raised", background: "Background" },
  clearance: "Drafted and cleared",
  draftedBy: "Drafted by",
  office: "Office",
  draftedOn: "Drafted on",
  clearedBy: "Cleared by",
  clearedByHint: "One name per line",
  remove: "Remove",
  removeRow: (what, n) => `Remove ${what.toLowerCase()} ${n}`,
  moveUp: (what, n) => `Move ${what.toLowerCase()} ${n} up`,
  moveDown: (what, n) => `Move ${what.toLowerCase()} ${n} down`,
  emptyList: "None yet.",
  save: "Save meeting",
  saving: "Saving…",
  saved: "Meeting saved",
  discard: "Discard changes",
  unsaved: "Unsaved changes",
  deleteMeeting: "Delete meeting",
  deleteQuestion: "Delete this meeting and everything in it?",
  deleted: (title) => `Meeting “${title}” deleted`,
  undo: "Undo",
  undone: (what) => `Undone: ${what}`,
  exportIcs: "Export to calendar…",
  exporting: "Writing the calendar…",
  exported: (path) => `Calendar saved to ${path}`,
  briefingBook: "Briefing book…",
  discardQuestion: "Discard the unsaved changes?",
  discardDetail: "The meeting keeps what was last saved.",
  dateProblem: (where, problem) => `${where}: ${problem}`,
  stillReading: "the date is still being read",
  agendaWhere: (n, which) => `Agenda item ${n}, ${which === "starts" ? "start" : "end"}`,
  meetingDateWhere: "Meeting date",
  bookFor: "Briefing book for a meeting",
  noMeeting: "No meeting (record packet)",
};

export const es: MeetingStrings = {
  title: "Reuniones",
  nav: "Reuniones",
  dialogue: "Diálogo",
  listHeading: "Reuniones del diálogo",
  none: "Aún no hay reuniones. Agregue la próxima para preparar su libro de información.",
  newMeeting: "Nueva reunión",
  create: "Agregar reunión",
  creating: "Agregando…",
  cancel: "Cancelar",
  created: (title) => `Reunión «${title}» agregada`,
  counts: (agenda, participants, notes) =>
    `${agenda} ${agenda === 1 ? "punto" : "puntos"} de agenda · ${participants} ${participants === 1 ? "participante" : "participantes"} · ${notes} ${notes === 1 ? "nota" : "notas"}`,
  pickOne: "Elija una reunión para editarla, o agregue una.",
  loading: "Cargando…",
  fieldTitle: "Título",
  fieldTitleEs: "Título en español",
  fieldDate: "Fecha o fecha y hora",
  datePlaceholder: "p. ej. 2022-09-12 o 2022-09-12T09:30:00-04:00",
  fieldPlace: "Lugar",
  fieldKind: "Tipo",
  ourDelegation: "Nuestra delegación",
  theirDelegation: "Su delegación",
  scopeNote: "Nota de alcance (propósito y contexto)",
  scopeNoteEs: "Nota de alcance en español",
  kinds: {
    leaders: "Líderes",
    ministerial: "Ministerial",
    senior_officials: "Altos funcionarios",
    working_level: "Nivel de trabajo",
    technical: "Técnica",
    other: "Otra",
  },
  objectives: "Objetivos",
  objective: "Objetivo",
  addObjective: "+ Objetivo",
  agenda: "Agenda",
  agendaItem: "Punto de agenda",
  addAgendaItem: "+ Punto de agenda",
  starts: "Inicio",
  ends: "Fin",
  item: "Punto",
  lead: "Orador principal",
  pillars: "Pilares",
  initiatives: "Iniciativas",
  linkInitiative: "Vincular una iniciativa…",
  unlink: (title) => `Desvincular ${title}`,
  participants: "Participantes",
  participant: "Participante",
  addParticipant: "+ Participante",
  name: "Nombre",
  personTitle: "Cargo",
  organisation: "Organización",
  side: "Parte",
  sides: { ours: "Nuestra", theirs: "Contraparte" },
  role: "Función",
  bio: "Semblanza breve",
  pressLines: "Líneas de prensa",
  pressLine: "Línea de prensa",
  addPressLine: "+ Línea de prensa",
  lineOrQuestion: "Línea a seguir, o pregunta prevista",
  answer: "Respuesta",
  answerHint: "Vacía para una línea a seguir",
  notes: "Notas informativas",
  note: "Nota",
  addNote: "+ Nota",
  noteKind: "Tipo",
  noteText: "Texto (la pregunta, si se plantea)",
  noteKinds: { points_to_make: "Puntos a destacar", if_raised: "Si se plantea", background: "Antecedentes" },
  clearance: "Elaboración y aprobación",
  draftedBy: "Elaborado por",
  office: "Oficina",
  draftedOn: "Fecha de elaboración",
  clearedBy: "Aprobado por",
  clearedByHint: "Un nombre por línea",
  remove: "Quitar",
  removeRow: (what, n) => `Quitar ${what.toLowerCase()} ${n}`,
  moveUp: (what, n) => `Subir ${what.toLowerCase()} ${n}`,
  moveDown: (what, n) => `Bajar ${what.toLowerCase()} ${n}`,
  emptyList: "Ninguno aún.",
  save: "Guardar reunión",
  saving: "Guardando…",
  saved: "Reunión guardada",
  discard: "Descartar cambios",
  unsaved: "Cambios sin guardar",
  deleteMeeting: "Eliminar reunión",
  deleteQuestion: "¿Eliminar esta reunión y todo su contenido?",
  deleted: (title) => `Reunión «${title}» eliminada`,
  undo: "Deshacer",
  undone: (what) => `Deshecho: ${what}`,
  exportIcs: "Exportar al calendario…",
  exporting: "Escribiendo el calendario…",
  exported: (path) => `Calendario guardado en ${path}`,
  briefingBook: "Libro de información…",
  discardQuestion: "¿Descartar los cambios sin guardar?",
  discardDetail: "La reunión conserva lo último que se guardó.",
  dateProblem: (where, problem) => `${where}: ${problem}`,
  stillReading: "la fecha aún se está leyendo",
  agendaWhere: (n, which) => `Punto de agenda ${n}, ${which === "starts" ? "inicio" : "fin"}`,
  meetingDateWhere: "Fecha de la reunión",
  bookFor: "Libro de información para una reunión",
  noMeeting: "Ninguna reunión (carpeta del registro)",
};

/** The strings for the interface's language (the Settings choice), English by default. */
export function meetingStrings(language: string = lang()): MeetingStrings {
  return language.toLowerCase().startsWith("es") ? es : en;
}
