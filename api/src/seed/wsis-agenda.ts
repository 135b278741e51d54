import type { SessionType } from "../generated/prisma/client.ts";

/**
 * SAMPLE DATA. A realistic but invented agenda for the WSIS+20 Forum High-Level Event
 * (Geneva, 27–31 May 2024). Titles follow the WSIS action lines; times are Geneva local (CEST, UTC+2).
 */
export const WSIS_EVENT = {
  slug: "wsis-20-forum-2024",
  title: "WSIS+20 Forum High-Level Event (sample)",
  venue: "CICG, Geneva, Switzerland",
  startDate: "2024-05-27",
  endDate: "2024-05-31",
  timezone: "Europe/Zurich",
  languages: ["ar", "zh", "en", "fr", "ru", "es"],
};

const ALL = WSIS_EVENT.languages;
const EN_FR_ES = ["en", "fr", "es"];

interface SampleSession {
  day: number;
  start: string;
  end: string;
  type: SessionType;
  room: string;
  title: string;
  description: string;
  languages?: string[];
}

export const WSIS_SESSIONS: SampleSession[] = [
  { day: 27, start: "09:00", end: "10:30", type: "CEREMONY", room: "Room 1", title: "Opening ceremony", description: "Welcome by the co-hosts, ITU and the Swiss Confederation, with UNESCO, UNDP and UNCTAD." },
  { day: 27, start: "11:00", end: "12:30", type: "HIGH_LEVEL", room: "Room 1", title: "High-level policy session 1: Twenty years of WSIS — from Geneva 2003 and Tunis 2005 to 2025", description: "Ministers and heads of agencies review two decades of the information society ahead of the UN General Assembly review." },
  { day: 27, start: "14:00", end: "15:30", type: "POLICY", room: "Room 1", title: "Action line C1: The role of governments and all stakeholders in the promotion of ICTs for development", description: "Multistakeholder cooperation on national digital strategies." },
  { day: 27, start: "14:00", end: "15:30", type: "WORKSHOP", room: "Room K", title: "Workshop: Measuring meaningful connectivity", description: "Data and indicators for universal, meaningful connectivity.", languages: EN_FR_ES },
  { day: 27, start: "16:00", end: "17:30", type: "POLICY", room: "Room 2", title: "Action line C2: Information and communication infrastructure", description: "Closing the connectivity gap in least developed countries." },
  { day: 28, start: "09:30", end: "11:00", type: "HIGH_LEVEL", room: "Room 1", title: "High-level policy session 2: Bridging digital divides", description: "Gender, age, disability and geography in access to ICTs." },
  { day: 28, start: "11:30", end: "13:00", type: "POLICY", room: "Room 2", title: "Action line C3: Access to information and knowledge", description: "Libraries, open data and public access." },
  { day: 28, start: "14:00", end: "15:30", type: "WORKSHOP", room: "Room K", title: "Workshop: Women in digital leadership", description: "Supporting women's participation in delegations and in the ICT sector.", languages: EN_FR_ES },
  { day: 28, start: "16:00", end: "17:30", type: "POLICY", room: "Room 2", title: "Action line C4: Capacity building", description: "Digital skills for all, from schools to civil services." },
  { day: 29, start: "09:30", end: "11:00", type: "HIGH_LEVEL", room: "Room 1", title: "High-level policy session 3: Building confidence and security in the use of ICTs", description: "Action line C5 at twenty: cybersecurity as a shared responsibility." },
  { day: 29, start: "11:30", end: "13:00", type: "POLICY", room: "Room 2", title: "Action line C6: Enabling environment", description: "Regulation, investment and competition for inclusive digital markets." },
  { day: 29, start: "14:00", end: "15:30", type: "WORKSHOP", room: "Room K", title: "Workshop: Youth voices on the digital future", description: "Young people's priorities for the next twenty years of WSIS.", languages: ["en", "fr", "es", "ar"] },
  { day: 29, start: "16:00", end: "17:30", type: "POLICY", room: "Room 2", title: "Action line C7: ICT applications — e-government, e-health, e-learning", description: "Public services that reach everyone." },
  { day: 30, start: "09:30", end: "11:00", type: "HIGH_LEVEL", room: "Room 1", title: "High-level policy session 4: ICTs and the 2030 Agenda for Sustainable Development", description: "How the WSIS action lines advance the Sustainable Development Goals." },
  { day: 30, start: "11:30", end: "13:00", type: "POLICY", room: "Room 2", title: "Action line C8: Cultural diversity and identity, linguistic diversity and local content", description: "Multilingual internet and local content." },
  { day: 30, start: "14:00", end: "15:30", type: "POLICY", room: "Room 2", title: "Action line C9: Media", description: "Media freedom and information integrity online." },
  { day: 30, start: "14:00", end: "15:30", type: "WORKSHOP", room: "Room K", title: "Workshop: Artificial intelligence for good in developing countries", description: "Practical AI projects with UN agencies.", languages: EN_FR_ES },
  { day: 30, start: "16:00", end: "17:30", type: "POLICY", room: "Room 2", title: "Action line C10: Ethical dimensions of the information society", description: "Human rights, ethics and emerging technologies." },
  { day: 31, start: "09:30", end: "11:00", type: "POLICY", room: "Room 2", title: "Action line C11: International and regional cooperation", description: "The UN regional commissions and the WSIS process." },
  { day: 31, start: "09:30", end: "11:00", type: "WORKSHOP", room: "Room K", title: "Workshop: Green digital transformation", description: "E-waste, energy and climate (with UNEP, ITU and WMO).", languages: EN_FR_ES },
  { day: 31, start: "11:30", end: "13:00", type: "HIGH_LEVEL", room: "Room 1", title: "High-level policy session 5: The WSIS vision beyond 2025", description: "Stakeholders' messages for the WSIS+20 review." },
  { day: 31, start: "14:30", end: "15:30", type: "CLOSING", room: "Room 1", title: "WSIS Prizes and closing ceremony", description: "Announcement of the WSIS Prizes champions and closing remarks." },
];

/** The session start and end as UTC instants (Geneva is UTC+2 in May). */
export function sessionTimes(s: SampleSession): { startsAt: Date; endsAt: Date } {
  const at = (hhmm: string) => new Date(`2024-05-${String(s.day).padStart(2, "0")}T${hhmm}:00+02:00`);
  return { startsAt: at(s.start), endsAt: at(s.end) };
}

export const sampleLanguages = (s: SampleSession): string[] => s.languages ?? ALL;
