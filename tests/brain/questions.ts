// Acceptance questions for Stimulansboten's brain: the replies it must give, written before the brain exists.
//
// Sources (src/knowledge/sources):
//   000 Dalarna 2022 PM (county-wide funds 2022, planned measures a–d)
//   001 Dalarna 2020 (county-wide funds, table of 15 municipalities, slutredovisning 31 mars 2021)
//   002 Jämtland 2020 (county funds, national 2020 pots and keys, Elin Ring / Jan Persson)
//   003 Skåne 2023 (sub-region model, OCR-garbled table, Skåne-wide items, invoicing, contacts)
//   004 Dalarna 2018 analysis/follow-up (figures: MHFA costs, counts, population)
//
// Conventions the cases rely on:
// - kind 'amount': how much money one place gets (one fund or all its funds, one year).
//   'list': several places or items, a ranking or a comparison. 'key': how a pot is split.
//   'deadline': a date or period. 'invoice': Skåne invoicing details. 'figure': a number that is not an
//   allocation (a cost, a count). 'passage': a free-text answer from the documents.
//   'clarify': the question needs a place or a year before it can be answered.
// - Refusals ('unknown') contain exactly 'Jag hittar inte' (sv) / 'I could not find' (en) and no figure
//   that would be a wrong guess (listed in excludes), not even "but 2020 was …".
// - Swedish amounts: "593 461 kr", "395 640,36 kr"; whole amounts without öre ("1 000 000 kr", never
//   "1 000 000,00 kr"). English amounts: "SEK 593,461", "SEK 395,640.36".
//   Amounts the document prints in Mkr/mkr keep the document's unit in Swedish ("200 Mkr", "4 mkr",
//   "1,5 mkr", "drygt 18 mkr") and are "SEK 200 million", "SEK 1.5 million" in English.
// - Dates: "31 mars 2021" / "31 March 2021".
// - A missing year is filled in when the place has that kind of fact for one year only (Mora → 2020,
//   Nordost → 2023, the keys → 2020); when it has several (Dalarna 2020 and 2022) the bot asks ('clarify').
//   In a follow-up the place, fund and year of the previous turn carry over unless the new turn replaces them.
// - Text with no language cues ("GLN?", "Skåne 2020", "asdfgh") is answered in Swedish unless locale says 'en'.
// - Municipal amounts exist only for 2020 (Dalarna): such a reply names the year 2020, the rounded total
//   and the two components.
// - Skåne 2023 table: OCR-garbled cells are reconstructed from the allocation model (1 mkr / 0,3 mkr / 1 mkr
//   base per sub-region, the rest by population, column and row totals). A reply that shows a reconstructed
//   figure must say so: 'rekonstru' (sv) / 'reconstruct' (en). Where the last krona of a reconstruction is
//   not determined by the document (rounding), includes holds the certain prefix ("4 498 04", "1 833 27").
// - includes/excludes are substrings, compared after replacing non-breaking spaces with plain spaces.

export type ReplyKind =
  | 'amount'
  | 'list'
  | 'deadline'
  | 'invoice'
  | 'focusArea'
  | 'key'
  | 'contact'
  | 'figure'
  | 'passage'
  | 'help'
  | 'greeting'
  | 'unknown'
  | 'clarify';

export interface QuestionCase {
  /** The turns of one conversation, in order; the expectation is about the reply to the LAST turn. */
  say: string[];
  /** Force the reply language ('en' = as if the Teams locale were English); omitted = detect from text. */
  locale?: 'sv' | 'en';
  expect: {
    kind: ReplyKind;
    lang: 'sv' | 'en';
    /** Substrings the reply text must contain (compare after replacing non-breaking spaces with plain spaces). */
    includes?: string[];
    /** Substrings it must NOT contain (figures of other places, years, funds). */
    excludes?: string[];
  };
}

/** The refusal markers the bot uses, verbatim. */
const NO_SV = 'Jag hittar inte';
const NO_EN = 'I could not find';

export const questionCases: QuestionCase[] = [
  // ───────────── Greetings ─────────────
  { say: ['hej'], expect: { kind: 'greeting', lang: 'sv' } },
  { say: ['Hej hej!'], expect: { kind: 'greeting', lang: 'sv' } },
  { say: ['god morgon'], expect: { kind: 'greeting', lang: 'sv' } },
  { say: ['tack!'], expect: { kind: 'greeting', lang: 'sv' } },
  { say: ['hello'], expect: { kind: 'greeting', lang: 'en' } },
  { say: ['hi there'], expect: { kind: 'greeting', lang: 'en' } },
  { say: ['thanks!'], expect: { kind: 'greeting', lang: 'en' } },

  // ───────────── Help: must say which counties it knows ─────────────
  { say: ['hjälp'], expect: { kind: 'help', lang: 'sv', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['vad kan du?'], expect: { kind: 'help', lang: 'sv', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['hur funkar det här, vad kan jag fråga om'], expect: { kind: 'help', lang: 'sv', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['?'], expect: { kind: 'help', lang: 'sv' } },
  { say: ['help'], expect: { kind: 'help', lang: 'en', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['what can you do?'], expect: { kind: 'help', lang: 'en', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['how do I use this bot'], expect: { kind: 'help', lang: 'en' } },

  // ───────────── Dalarna municipalities 2020 (001 table: two components + rounded total) ─────────────
  // Table order: Vansbro, Malung-Sälen, Gagnef, Leksand, Rättvik, Orsa, Älvdalen, Smedjebacken, Mora, Falun,
  // Borlänge, Säter, Hedemora, Avesta, Ludvika. excludes hold neighbouring rows (a row-shift bug).
  { say: ['hur mycket får Vansbro kommun'], expect: { kind: 'amount', lang: 'sv', includes: ['197 452 kr', '131 634,63 kr', '65 817,31 kr', '2020'], excludes: ['293 242 kr'] } },
  { say: ['hur mkt får malung'], expect: { kind: 'amount', lang: 'sv', includes: ['Malung-Sälen', '293 242 kr', '195 494,48 kr', '97 747,24 kr', '2020'], excludes: ['197 452 kr', '299 754 kr'] } },
  { say: ['hur mycket får Sälen'], expect: { kind: 'amount', lang: 'sv', includes: ['Malung-Sälen', '293 242 kr', '2020'], excludes: ['204 342 kr'] } },
  { say: ['Gagnef 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['299 754 kr', '199 835,79 kr', '99 917,89 kr', '2020'], excludes: ['459 849 kr'] } },
  { say: ['leksands del av pengarna'], expect: { kind: 'amount', lang: 'sv', includes: ['459 849 kr', '306 566,04 kr', '153 283,02 kr', '2020'], excludes: ['318 737 kr', '299 754 kr'] } },
  { say: ['Rattvik hur mkt'], expect: { kind: 'amount', lang: 'sv', includes: ['Rättvik', '318 737 kr', '212 491,47 kr', '106 245,74 kr', '2020'], excludes: ['201 173 kr'] } },
  { say: ['vad får orsa kommun 2020'], expect: { kind: 'amount', lang: 'sv', includes: ['201 173 kr', '134 115,38 kr', '67 057,69 kr', '2020'], excludes: ['204 342 kr', '318 737 kr'] } },
  { say: ['Alvdalen belopp'], expect: { kind: 'amount', lang: 'sv', includes: ['Älvdalen', '204 342 kr', '136 227,89 kr', '68 113,94 kr', '2020'], excludes: ['201 173 kr'] } },
  // "Idre" is an alias of Älvdalen in places.json; the reply must name Älvdalen.
  { say: ['Idre pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['Älvdalen', '204 342 kr', '2020'], excludes: ['316 470 kr'] } },
  { say: ['smedjebackens kommun stimulansmedel'], expect: { kind: 'amount', lang: 'sv', includes: ['316 470 kr', '210 979,77 kr', '105 489,88 kr', '2020'], excludes: ['593 461 kr'] } },
  { say: ['mora kommun pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['593 461 kr', '395 640,36 kr', '197 820,18 kr', '2020'], excludes: ['316 470 kr', '1 726 309 kr'] } },
  { say: ['Moras andel?'], expect: { kind: 'amount', lang: 'sv', includes: ['593 461 kr', '2020'], excludes: ['201 173 kr'] } },
  { say: ['Hur mycket får Mora?'], expect: { kind: 'amount', lang: 'sv', includes: ['593 461 kr', '395 640,36 kr', '197 820,18 kr', '2020'], excludes: ['1 726 309 kr', '7 649 410,97 kr'] } },
  { say: ['Hur mycket får Falun?'], expect: { kind: 'amount', lang: 'sv', includes: ['1 726 309 kr', '1 150 872,72 kr', '575 436,36 kr', '2020'], excludes: ['1 526 386 kr'] } },
  { say: ['Falu kommun får hur mycket?'], expect: { kind: 'amount', lang: 'sv', includes: ['1 726 309 kr', '2020'], excludes: ['593 461 kr'] } },
  { say: ['Borlange 2020 pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['Borlänge', '1 526 386 kr', '1 017 590,72 kr', '508 795,36 kr', '2020'], excludes: ['1 726 309 kr'] } },
  { say: ['Sater belopp 2020'], expect: { kind: 'amount', lang: 'sv', includes: ['Säter', '323 040 kr', '215 359,83 kr', '107 679,92 kr', '2020'], excludes: ['1 526 386 kr', '449 703 kr'] } },
  { say: ['hedemora?'], expect: { kind: 'amount', lang: 'sv', includes: ['449 703 kr', '299 802,13 kr', '149 901,07 kr', '2020'], excludes: ['674 017 kr', '323 040 kr'] } },
  { say: ['Avesta kommun, hur mycket 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['674 017 kr', '449 344,65 kr', '224 672,33 kr', '2020'], excludes: ['782 627 kr'] } },
  { say: ['vad fick ludvika'], expect: { kind: 'amount', lang: 'sv', includes: ['782 627 kr', '521 751,45 kr', '260 875,72 kr', '2020'], excludes: ['674 017 kr'] } },
  // One component asked for (the reply may still show the other component and the total).
  { say: ['Säters kommun 2020 utvecklingsinsatser utifrån handlingsplaner'], expect: { kind: 'amount', lang: 'sv', includes: ['215 359,83 kr', '2020'], excludes: ['212 491,47 kr'] } },
  { say: ['borlänge kunskapsbaserad vård 2020'], expect: { kind: 'amount', lang: 'sv', includes: ['508 795,36 kr', '2020'], excludes: ['575 436,36 kr'] } },
  // English
  { say: ['How much does Mora get?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 593,461', 'SEK 395,640.36', 'SEK 197,820.18', '2020'], excludes: ['SEK 1,726,309', '593 461 kr'] } },
  { say: ['how much did Falun get in 2020'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,726,309', 'SEK 1,150,872.72', 'SEK 575,436.36', '2020'], excludes: ['SEK 1,526,386'] } },
  { say: ['What does Borlange receive?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,526,386', 'SEK 1,017,590.72', 'SEK 508,795.36', '2020'], excludes: ['SEK 1,726,309'] } },
  { say: ['Leksand municipality funding'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 459,849', 'SEK 306,566.04', 'SEK 153,283.02', '2020'], excludes: ['SEK 318,737'] } },
  { say: ['how much money for Ludvika?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 782,627', 'SEK 521,751.45', 'SEK 260,875.72', '2020'], excludes: ['SEK 674,017'] } },
  { say: ['Hedemora amount 2020'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 449,703', '2020'], excludes: ['SEK 323,040'] } },
  { say: ['what does Malung get'], expect: { kind: 'amount', lang: 'en', includes: ['Malung-Sälen', 'SEK 293,242', '2020'], excludes: ['SEK 197,452'] } },
  { say: ['How much does Vansbro get?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 197,452', 'SEK 131,634.63', 'SEK 65,817.31', '2020'], excludes: ['SEK 293,242'] } },
  { say: ['How much does Sater get?'], expect: { kind: 'amount', lang: 'en', includes: ['Säter', 'SEK 323,040', '2020'], excludes: ['SEK 318,737'] } },
  // Locale overrides the language of the text.
  { say: ['hur mycket får Orsa?'], locale: 'en', expect: { kind: 'amount', lang: 'en', includes: ['SEK 201,173', '2020'], excludes: ['201 173 kr', 'SEK 204,342'] } },
  { say: ['How much does Avesta get?'], locale: 'sv', expect: { kind: 'amount', lang: 'sv', includes: ['674 017 kr', '2020'], excludes: ['SEK 674,017', '782 627 kr'] } },
  { say: ['Gagnef?'], locale: 'en', expect: { kind: 'amount', lang: 'en', includes: ['SEK 299,754', '2020'], excludes: ['299 754 kr', 'SEK 459,849'] } },

  // ───────────── County-wide funds: Dalarna 2020 (001) ─────────────
  { say: ['samsjuklighet dalarna 2020'], expect: { kind: 'amount', lang: 'sv', includes: ['7 649 410,97 kr', '2020'], excludes: ['7 621 404 kr'] } },
  { say: ['Region Dalarna brukarmedverkan 2020'], expect: { kind: 'amount', lang: 'sv', includes: ['1 000 000 kr', '2020'], excludes: ['1 000 000,00 kr', '2 Mkr'] } },
  { say: ['hur mkt fick dalarna till suicidprevention 2020'], expect: { kind: 'amount', lang: 'sv', includes: ['5 577 707,31 kr', '2020'], excludes: ['5 518 744 kr', '2 533 016,95 kr'] } },
  { say: ['ungdomsmottagningar Dalarna 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['3 945 120,95 kr', '2020'], excludes: ['3 878 680 kr'] } },
  { say: ['länsgemensamma medel dalarna 2020 totalt'], expect: { kind: 'amount', lang: 'sv', includes: ['18 172 239 kr', '2020'], excludes: ['11 537 156,91 kr', 'drygt 18 mkr'] } },
  { say: ['vad fick Dalarnas län 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['7 649 410,97 kr', '1 000 000 kr', '5 577 707,31 kr', '3 945 120,95 kr', '18 172 239 kr', '2020'], excludes: ['7 621 404 kr'] } },

  // ───────────── County-wide funds: Dalarna 2022 (000) ─────────────
  { say: ['samsjuklighet dalarna 2022'], expect: { kind: 'amount', lang: 'sv', includes: ['7 621 404 kr', '2022'], excludes: ['7 649 410,97 kr'] } },
  { say: ['brukarmedverkan 2022 region dalarna'], expect: { kind: 'amount', lang: 'sv', includes: ['1 000 000 kr', '2022'], excludes: ['1 000 000,00 kr', '6 203 183,05 kr'] } },
  { say: ['suicidprevention dalarna 2022 belopp'], expect: { kind: 'amount', lang: 'sv', includes: ['5 518 744 kr', '2022'], excludes: ['5 577 707,31 kr'] } },
  { say: ['UM-pengar Dalarna 2022'], expect: { kind: 'amount', lang: 'sv', includes: ['3 878 680 kr', '2022'], excludes: ['3 945 120,95 kr'] } },
  // "drygt 18 mkr" is the document's own (approximate) total for 2022.
  { say: ['hur mycket får Dalarna 2022?'], expect: { kind: 'amount', lang: 'sv', includes: ['18 mkr', '7 621 404 kr', '1 000 000 kr', '5 518 744 kr', '3 878 680 kr', '2022'], excludes: ['18 172 239 kr'] } },

  // ───────────── County-wide funds: Jämtland 2020 (002) ─────────────
  { say: ['hur mycket får jämtland för samsjuklighet?'], expect: { kind: 'amount', lang: 'sv', includes: ['6 203 183,05 kr', '2020'], excludes: ['7 649 410,97 kr'] } },
  { say: ['Jamtland brukarmedverkan'], expect: { kind: 'amount', lang: 'sv', includes: ['1 000 000 kr', '2020'], excludes: ['1 000 000,00 kr', '1 000 000, 00'] } },
  { say: ['Region Jämtland Härjedalen suicidprevention'], expect: { kind: 'amount', lang: 'sv', includes: ['2 533 016,95 kr', '2020'], excludes: ['5 577 707,31 kr'] } },
  { say: ['ungdomsmottagningen jämtland pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['1 800 956,91 kr', '2020'], excludes: ['3 945 120,95 kr'] } },
  // Härjedalen is a municipality of its own within the county: not the county's total.
  { say: ['vad får Härjedalen totalt?'], expect: { kind: 'unknown', lang: 'sv', includes: ['Jag hittar inte'], excludes: ['11 537 156,91 kr', '18 172 239 kr'] } },
  { say: ['jämtland 2020 alla belopp'], expect: { kind: 'amount', lang: 'sv', includes: ['6 203 183,05 kr', '1 000 000 kr', '2 533 016,95 kr', '1 800 956,91 kr', '11 537 156,91 kr'], excludes: ['42 645 244 kr'] } },

  // English county funds
  { say: ['How much did Dalarna get for suicide prevention in 2020?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 5,577,707.31', '2020'], excludes: ['SEK 5,518,744'] } },
  { say: ['Dalarna comorbidity funds 2022'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 7,621,404', '2022'], excludes: ['SEK 7,649,410.97'] } },
  { say: ['youth clinics Dalarna 2022'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 3,878,680', '2022'], excludes: ['SEK 3,945,120.95'] } },
  { say: ['What is the total county-wide amount for Dalarna 2020?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 18,172,239', '2020'], excludes: ['SEK 11,537,156.91'] } },
  { say: ['Jämtland user participation money'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,000,000', '2020'], excludes: ['SEK 1,000,000.00'] } },
  { say: ['How much does Jamtland get for youth clinics?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,800,956.91', '2020'], excludes: ['SEK 3,945,120.95'] } },
  { say: ['comorbidity Jämtland'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 6,203,183.05', '2020'], excludes: ['SEK 7,649,410.97'] } },
  { say: ['Jämtland total 2020'], locale: 'en', expect: { kind: 'amount', lang: 'en', includes: ['SEK 11,537,156.91'], excludes: ['SEK 18,172,239'] } },

  // ───────────── National 2020 pots (002) ─────────────
  { say: ['hur stor är hela överenskommelsen 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['1 716 Mkr', '2020'], excludes: ['18 172 239 kr'] } },
  { say: ['hur mycket går till ungdomsmottagningar nationellt 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['150 Mkr'], excludes: ['3 945 120,95 kr'] } },
  { say: ['How big was the 2020 agreement in total?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,716 million'], excludes: ['SEK 18,172,239'] } },

  // ───────────── Distribution keys ─────────────
  { say: ['hur fördelas samsjuklighetsmedlen 2020?'], expect: { kind: 'key', lang: 'sv', includes: ['200 Mkr', '5 Mkr', 'befolkningsmängd'] } },
  { say: ['hur räknades Dalarnas samsjuklighetsbelopp ut?'], expect: { kind: 'key', lang: 'sv', includes: ['5 Mkr', 'befolkningsmängd', '7 649 410,97 kr', '2020'], excludes: ['7 621 404 kr'] } },
  { say: ['fördelningsnyckel brukarmedverkan 2020'], expect: { kind: 'key', lang: 'sv', includes: ['24 Mkr', '1 Mkr', '2 Mkr', 'storstadslänen'] } },
  { say: ['varför får Jämtland lika mycket brukarmedverkan som Dalarna?'], expect: { kind: 'key', lang: 'sv', includes: ['1 Mkr per län'] } },
  { say: ['hur fördelas pengarna till ungdomsmottagningarna?'], expect: { kind: 'key', lang: 'sv', includes: ['150 Mkr', '25 år', '2020'] } },
  { say: ['hur räknades jämtlands ungdomsmottagningsbelopp ut'], expect: { kind: 'key', lang: 'sv', includes: ['1 800 956,91 kr', '25 år'] } },
  // The suicide-prevention pot has no key in the document: the bot states the pot and must not borrow
  // the samsjuklighet key.
  { say: ['hur fördelas suicidpengarna mellan länen 2020?'], expect: { kind: 'key', lang: 'sv', includes: ['200 Mkr'], excludes: ['5 Mkr per län', 'befolkningsmängd'] } },
  { say: ['hur fördelas pengarna mellan delregionerna i Skåne?'], expect: { kind: 'key', lang: 'sv', includes: ['1 mkr', '0,3 mkr', 'invånarantal 2022'] } },
  { say: ['How are the 2020 comorbidity funds distributed?'], expect: { kind: 'key', lang: 'en', includes: ['SEK 200 million', 'SEK 5 million', 'population'] } },
  { say: ["how was Dalarna's comorbidity amount calculated?"], expect: { kind: 'key', lang: 'en', includes: ['SEK 7,649,410.97', 'population'], excludes: ['SEK 7,621,404'] } },
  { say: ['distribution key for youth clinics'], expect: { kind: 'key', lang: 'en', includes: ['SEK 150 million', 'population'] } },
  { say: ['How is the user participation money split between counties?'], expect: { kind: 'key', lang: 'en', includes: ['SEK 1 million', 'SEK 2 million'] } },
  { say: ['How is the money split between the sub-regions in Skåne?'], expect: { kind: 'key', lang: 'en', includes: ['population', '2022'] } },
  { say: ['How is the suicide prevention pot split between counties in 2020?'], expect: { kind: 'key', lang: 'en', includes: ['SEK 200 million'], excludes: ['SEK 5 million'] } },

  // ───────────── Skåne 2023 sub-regions (003 table) ─────────────
  // Legible and consistent rows: Nordost, Sydost. Nordväst total, Malmö total legible.
  { say: ['Hur mycket får Nordost?'], expect: { kind: 'amount', lang: 'sv', includes: ['6 115 364 kr', '2023'], excludes: ['9 669 681 kr'] } },
  { say: ['Nordvast pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['Nordväst', '9 669 681 kr', '2023'], excludes: ['6 115 364 kr', '9 583 978 kr'] } },
  { say: ['Sydost 2023'], expect: { kind: 'amount', lang: 'sv', includes: ['4 355 627 kr', '2023'], excludes: ['9 583 978 kr'] } },
  { say: ['hur mycket får malmo?'], expect: { kind: 'amount', lang: 'sv', includes: ['9 583 978 kr', '2023'], excludes: ['8 422 551 kr'] } },
  { say: ['hur mycket får Nordost för suicidprevention?'], expect: { kind: 'amount', lang: 'sv', includes: ['1 000 000 kr', '2 646 478 kr'], excludes: ['5 052 438 kr'] } },
  { say: ['sydöstra skåne samverkan'], expect: { kind: 'amount', lang: 'sv', includes: ['1 000 000 kr', '615 515 kr'], excludes: ['658 159 kr'] } },
  { say: ['Sydväst samverkan samsjuklighet'], expect: { kind: 'amount', lang: 'sv', includes: ['1 000 000 kr', '658 159 kr'], excludes: ['615 515 kr'] } },
  { say: ['Malmö suicidprevention 2023'], expect: { kind: 'amount', lang: 'sv', includes: ['5 052 438 kr'], excludes: ['2 646 478 kr'] } },
  { say: ['hur mycket får Skåne totalt?'], expect: { kind: 'amount', lang: 'sv', includes: ['42 645 244 kr', '2023'], excludes: ['18 172 239 kr'] } },
  // Reconstructed cells (printed text illegible in the OCR):
  // Mellersta: total printed "8422551"; samverkan printed "183271" (a digit lost: 18_3271 → 1 833 271, the
  // one value whose population share also gives the legible row total), brukarmedverkan printed "22451" (42 451).
  { say: ['mellersta skåne belopp'], expect: { kind: 'amount', lang: 'sv', includes: ['8 422 551 kr', 'rekonstru', '2023'], excludes: ['9 583 978 kr'] } },
  { say: ['Mellersta samverkan samsjuklighet'], expect: { kind: 'amount', lang: 'sv', includes: ['1 833 271 kr', 'rekonstru'], excludes: ['183 271 kr'] } },
  { say: ['Mellerstas brukarmedverkan'], expect: { kind: 'amount', lang: 'sv', includes: ['42 451 kr', 'rekonstru'], excludes: ['22 451 kr'] } },
  // Nordväst brukarmedverkan printed "s1098": 51 098 (column sums to exactly 200 000).
  { say: ['delregion Nordväst brukarmedverkan'], expect: { kind: 'amount', lang: 'sv', includes: ['51 098 kr', 'rekonstru'], excludes: ['26 454 kr'] } },
  // Sydväst total printed "2438048" (impossible: below its own cells). Its cells 1 000 000 + 658 159 +
  // 300 000 + 15 240 + 1 000 000 + 1 524 645 add up to 4 498 044, which keeps the printed _4_804_.
  { say: ['vad får sydväst?'], expect: { kind: 'amount', lang: 'sv', includes: ['4 498 044 kr', 'rekonstru', '2023'], excludes: ['2 438 048 kr'] } },
  // "Malmö kommun": the store knows the sub-region Malmö (alias "Malmö stad"), whose
  // samverkansorgan is Malmö stad + Region Skåne. Chosen: answer with the sub-region's amount ('amount'),
  // and the reply must say it is the delregion's money (not the municipality's alone).
  { say: ['hur mycket får Malmö kommun?'], expect: { kind: 'amount', lang: 'sv', includes: ['9 583 978 kr', 'delregion', '2023'], excludes: ['8 422 551 kr'] } },
  // English
  { say: ['How much does Nordväst get?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 9,669,681', '2023'], excludes: ['SEK 6,115,364'] } },
  { say: ['How much does Mellersta get?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 8,422,551', 'reconstruct'], excludes: ['SEK 9,583,978'] } },
  { say: ['Malmo sub-region amount'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 9,583,978', '2023'], excludes: ['SEK 8,422,551'] } },
  { say: ['Skane total 2023'], locale: 'en', expect: { kind: 'amount', lang: 'en', includes: ['SEK 42,645,244'], excludes: ['SEK 18,172,239'] } },
  { say: ['What does Sydost get for suicide prevention?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,000,000', 'SEK 1,425,859'], excludes: ['SEK 2,646,478'] } },
  { say: ['Nordost user participation'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 300,000', 'SEK 26,454'], excludes: ['SEK 1,000,000.00'] } },

  // ───────────── Skåne-wide items 2023 (003 "Medel att användas Skånegemensamt") ─────────────
  { say: ['hur mycket går till MHFA instruktörsutbildning i Skåne?'], expect: { kind: 'amount', lang: 'sv', includes: ['600 000 kr'], excludes: ['20 000 kr'] } },
  { say: ['case management skåne pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['200 000 kr'], excludes: ['600 000 kr'] } },
  { say: ['hur mycket är skånegemensamt?'], expect: { kind: 'amount', lang: 'sv', includes: ['4 mkr', '2023'], excludes: ['42 645 244 kr'] } },
  { say: ['Mariamottagningarna pengar'], expect: { kind: 'amount', lang: 'sv', includes: ['250 000 kr', '1,5 mkr'], excludes: ['600 000 kr'] } },
  { say: ['traumamedveten omsorg'], expect: { kind: 'amount', lang: 'sv', includes: ['70 000 kr'], excludes: ['600 000 kr'] } },
  { say: ['naloxon'], expect: { kind: 'amount', lang: 'sv', includes: ['500 000 kr'], excludes: ['130 000 kr'] } },
  { say: ['Brukarrevision NSPH Skåne belopp'], expect: { kind: 'amount', lang: 'sv', includes: ['200 000 kr'], excludes: ['1 000 000 kr'] } },
  { say: ['skånegemensam samordning kostnad'], expect: { kind: 'amount', lang: 'sv', includes: ['130 000 kr'], excludes: ['4 mkr'] } },
  { say: ['gamingprojektet på mariamottagningarna'], expect: { kind: 'amount', lang: 'sv', includes: ['500 000 kr'], excludes: ['1,5 mkr'] } },
  { say: ['anhörigstöd skåne belopp'], expect: { kind: 'amount', lang: 'sv', includes: ['100 000 kr'], excludes: ['200 000 kr'] } },
  { say: ['vilka skånegemensamma satsningar finns?'], expect: { kind: 'list', lang: 'sv', includes: ['Case Management', 'MHFA', '600 000 kr', 'Traumamedveten Omsorg', '4 mkr'], excludes: ['42 645 244 kr'] } },
  { say: ['How much goes to MHFA instructor training in Skåne?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 600,000'], excludes: ['SEK 20,000'] } },
  { say: ['Case Management Skåne amount'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 200,000'], excludes: ['SEK 600,000'] } },
  { say: ['How much for the Maria clinics in Skåne?'], expect: { kind: 'amount', lang: 'en', includes: ['250 000', 'SEK 1.5 million'], excludes: ['SEK 600,000'] } },
  { say: ['What are the Skåne-wide investments?'], expect: { kind: 'list', lang: 'en', includes: ['SEK 4 million', 'Case Management'], excludes: ['SEK 42,645,244'] } },

  // ───────────── Lists and comparisons ─────────────
  { say: ['vilka kommuner får mest?'], expect: { kind: 'list', lang: 'sv', includes: ['Falun', '1 726 309 kr', 'Borlänge', '1 526 386 kr', '2020'] } },
  { say: ['top 3 kommuner dalarna'], expect: { kind: 'list', lang: 'sv', includes: ['Falun', 'Borlänge', 'Ludvika', '782 627 kr'] } },
  { say: ['vilken kommun får minst pengar?'], expect: { kind: 'list', lang: 'sv', includes: ['Vansbro', '197 452 kr'] } },
  { say: ['alla kommuner i Dalarna'], expect: { kind: 'list', lang: 'sv', includes: ['Vansbro', 'Malung-Sälen', 'Gagnef', 'Leksand', 'Rättvik', 'Orsa', 'Älvdalen', 'Smedjebacken', 'Mora', 'Falun', 'Borlänge', 'Säter', 'Hedemora', 'Avesta', 'Ludvika'] } },
  { say: ['jämför Mora och Orsa'], expect: { kind: 'list', lang: 'sv', includes: ['593 461 kr', '201 173 kr'], excludes: ['204 342 kr'] } },
  { say: ['lista delregionerna i skåne'], expect: { kind: 'list', lang: 'sv', includes: ['Nordost', 'Nordväst', 'Mellersta', 'Malmö', 'Sydost', 'Sydväst'] } },
  { say: ['vilken delregion får mest?'], expect: { kind: 'list', lang: 'sv', includes: ['Nordväst', '9 669 681 kr'] } },
  { say: ['jämför Dalarna och Jämtland 2020'], expect: { kind: 'list', lang: 'sv', includes: ['18 172 239 kr', '11 537 156,91 kr'], excludes: ['42 645 244 kr'] } },
  { say: ['vad fick länen för suicidprevention 2020?'], expect: { kind: 'list', lang: 'sv', includes: ['5 577 707,31 kr', '2 533 016,95 kr'], excludes: ['20 008 132 kr', '5 518 744 kr'] } },
  { say: ['jämför samsjuklighet dalarna 2020 och 2022'], expect: { kind: 'list', lang: 'sv', includes: ['7 649 410,97 kr', '7 621 404 kr'] } },
  { say: ['vilka län finns med?'], expect: { kind: 'list', lang: 'sv', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  // DERIVED: the municipalities' sum is not printed. Sum of components 8 366 560,96 kr, sum of rounded
  // totals 8 366 562 kr → prefix; the reply must present it as calculated ('beräkn…'), not as a document figure.
  { say: ['hur mycket får kommunerna i dalarna totalt 2020?'], expect: { kind: 'amount', lang: 'sv', includes: ['8 366 56', 'beräkn', '2020'], excludes: ['18 172 239 kr'] } },
  { say: ['which municipalities get the most?'], expect: { kind: 'list', lang: 'en', includes: ['Falun', 'SEK 1,726,309', '2020'] } },
  { say: ['list all municipalities in Dalarna'], expect: { kind: 'list', lang: 'en', includes: ['Vansbro', 'Malung-Sälen', 'Gagnef', 'Leksand', 'Rättvik', 'Orsa', 'Älvdalen', 'Smedjebacken', 'Mora', 'Falun', 'Borlänge', 'Säter', 'Hedemora', 'Avesta', 'Ludvika'] } },
  { say: ['compare Mora and Leksand'], expect: { kind: 'list', lang: 'en', includes: ['SEK 593,461', 'SEK 459,849'], excludes: ['SEK 318,737'] } },
  { say: ['which sub-region in Skåne gets the least?'], expect: { kind: 'list', lang: 'en', includes: ['Sydost', 'SEK 4,355,627'] } },
  { say: ['which Skåne sub-region gets the most?'], expect: { kind: 'list', lang: 'en', includes: ['Nordväst', 'SEK 9,669,681'] } },
  { say: ['what counties do you have data for?'], expect: { kind: 'list', lang: 'en', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['smallest municipality amount'], expect: { kind: 'list', lang: 'en', includes: ['Vansbro', 'SEK 197,452'] } },

  // ───────────── Deadlines ─────────────
  // No place given: only Skåne has invoicing in the store.
  { say: ['när ska fakturan skickas?'], expect: { kind: 'deadline', lang: 'sv', includes: ['1 mars', '31 maj 2023'] } },
  { say: ['sista dag att fakturera Skane'], expect: { kind: 'deadline', lang: 'sv', includes: ['31 maj 2023'], excludes: ['31 mars 2021'] } },
  { say: ['kan vi fakturera i juni?'], expect: { kind: 'deadline', lang: 'sv', includes: ['31 maj 2023'] } },
  { say: ['när får vi börja fakturera?'], expect: { kind: 'deadline', lang: 'sv', includes: ['1 mars'] } },
  { say: ['när ska slutredovisningen in för Dalarna 2020?'], expect: { kind: 'deadline', lang: 'sv', includes: ['31 mars 2021'], excludes: ['september 2023'] } },
  { say: ['deadline rapport dalarna'], expect: { kind: 'deadline', lang: 'sv', includes: ['31 mars 2021'], excludes: ['31 maj 2023'] } },
  { say: ['lägesrapport Skåne'], expect: { kind: 'deadline', lang: 'sv', includes: ['september 2023'], excludes: ['31 mars 2021'] } },
  { say: ['när måste pengarna vara använda i Skåne?'], expect: { kind: 'deadline', lang: 'sv', includes: ['2023'], excludes: ['31 mars 2021'] } },
  { say: ['när ska jämtland ha använt pengarna'], expect: { kind: 'deadline', lang: 'sv', includes: ['2021'], excludes: ['31 mars 2021', '31 maj 2023'] } },
  { say: ['när beslutades fördelningen i Skåne?'], expect: { kind: 'deadline', lang: 'sv', includes: ['17 januari 2023'] } },
  { say: ['when is the final report due for Dalarna 2020?'], expect: { kind: 'deadline', lang: 'en', includes: ['31 March 2021'], excludes: ['September 2023'] } },
  { say: ['invoice deadline Skåne'], expect: { kind: 'deadline', lang: 'en', includes: ['31 May 2023'] } },
  { say: ['when is the status report due in Skåne?'], expect: { kind: 'deadline', lang: 'en', includes: ['September 2023'] } },
  { say: ['when can we start invoicing Skane?'], expect: { kind: 'deadline', lang: 'en', includes: ['1 March', '31 May 2023'] } },
  { say: ['by when must the Skåne money be used?'], expect: { kind: 'deadline', lang: 'en', includes: ['2023'], excludes: ['31 March 2021'] } },
  { say: ['can we still invoice Skåne in June?'], expect: { kind: 'deadline', lang: 'en', includes: ['31 May 2023'] } },
  { say: ['when was the Skåne allocation decided?'], expect: { kind: 'deadline', lang: 'en', includes: ['17 January 2023'] } },

  // ───────────── Invoicing (Skåne 2023 only) ─────────────
  { say: ['vilken referenskod?'], expect: { kind: 'invoice', lang: 'sv', includes: ['854877'] } },
  { say: ['GLN?'], expect: { kind: 'invoice', lang: 'sv', includes: ['7368376009106'] } },
  { say: ['kostnadsställe'], expect: { kind: 'invoice', lang: 'sv', includes: ['1145'] } },
  { say: ['vart skickar vi fakturan?'], expect: { kind: 'invoice', lang: 'sv', includes: ['Gasverksgatan 3A', '222 29 Lund'] } },
  { say: ['vilken adress har Skånes Kommuner?'], expect: { kind: 'invoice', lang: 'sv', includes: ['Gasverksgatan 3A'] } },
  { say: ['vad ska stå som rubrik på fakturan?'], expect: { kind: 'invoice', lang: 'sv', includes: ['Överenskommelse om insatser inom området psykisk ohälsa 2023'] } },
  { say: ['betalningsvillkor?'], expect: { kind: 'invoice', lang: 'sv', includes: ['30 dagar'] } },
  { say: ['vad måste fakturan innehålla?'], expect: { kind: 'invoice', lang: 'sv', includes: ['854877', 'momsbelopp', 'organisationsnummer'] } },
  { say: ['vem ska stå som referens på fakturan'], expect: { kind: 'invoice', lang: 'sv', includes: ['Emelie Sundén'] } },
  { say: ['ska fakturan vara elektronisk?'], expect: { kind: 'invoice', lang: 'sv', includes: ['Inexchange'] } },
  { say: ['vem rekvirerar de delregionala medlen?'], expect: { kind: 'invoice', lang: 'sv', includes: ['samverkansorgan', 'Skånes Kommuner'] } },
  { say: ['vilken referenskod ska stå på fakturan i Skåne?', 'och kostnadsstället?'], expect: { kind: 'invoice', lang: 'sv', includes: ['1145'] } },
  { say: ['GLN?', 'och adressen?'], expect: { kind: 'invoice', lang: 'sv', includes: ['Gasverksgatan 3A', '222 29 Lund'] } },
  { say: ["what's the GLN code for Skåne?"], expect: { kind: 'invoice', lang: 'en', includes: ['7368376009106'] } },
  { say: ['invoice address?'], expect: { kind: 'invoice', lang: 'en', includes: ['Gasverksgatan 3A', '222 29 Lund'] } },
  { say: ['reference code for the invoice'], expect: { kind: 'invoice', lang: 'en', includes: ['854877'] } },
  { say: ['cost centre?'], expect: { kind: 'invoice', lang: 'en', includes: ['1145'] } },
  { say: ['payment terms?'], expect: { kind: 'invoice', lang: 'en', includes: ['30 days'] } },
  // The heading is quoted verbatim in Swedish even in an English reply.
  { say: ['What heading should the invoice have?'], expect: { kind: 'invoice', lang: 'en', includes: ['Överenskommelse om insatser inom området psykisk ohälsa 2023'] } },
  { say: ["What's the reference code for invoices in Skåne?", 'and the GLN?'], expect: { kind: 'invoice', lang: 'en', includes: ['7368376009106'] } },
  { say: ['What has to be on the invoice in Skåne?'], expect: { kind: 'invoice', lang: 'en', includes: ['854877'] } },

  // ───────────── Contacts ─────────────
  { say: ['vem är kontaktperson för Sydost?'], expect: { kind: 'contact', lang: 'sv', includes: ['carola.teirfolk@simrishamn.se'], excludes: ['malin.gunnarsson01@trelleborg.se'] } },
  { say: ['kontakt nordvast'], expect: { kind: 'contact', lang: 'sv', includes: ['Johanna.GundelSvensson@engelholm.se', 'barbara.boron@engelholm.se'] } },
  { say: ['vem ska jag maila i Malmö?'], expect: { kind: 'contact', lang: 'sv', includes: ['asa.lindberg@malmo.se', 'madeleine.moberg@malmo.se'] } },
  { say: ['kontaktperson Mellersta'], expect: { kind: 'contact', lang: 'sv', includes: ['anna.burston@lund.se', 'jennie.goranssonskarp@lund.se'] } },
  { say: ['vem har hand om nordost'], expect: { kind: 'contact', lang: 'sv', includes: ['anna-marie.nilsson@bromolla.se', 'jennie.salmen@kristianstad.se'] } },
  { say: ['kontakt Sydost', 'och Sydväst?'], expect: { kind: 'contact', lang: 'sv', includes: ['malin.gunnarsson01@trelleborg.se'], excludes: ['carola.teirfolk@simrishamn.se'] } },
  { say: ['vem är sammankallande i Skåne?'], expect: { kind: 'contact', lang: 'sv', includes: ['Emelie Sundén', 'Bim Soerich'] } },
  { say: ['vem företräder brukarföreningarna i skåne'], expect: { kind: 'contact', lang: 'sv', includes: ['Michelle Nilsson', 'Per Torell'] } },
  { say: ['kontakt primärvården skåne'], expect: { kind: 'contact', lang: 'sv', includes: ['Johannes.malm@skane.se'] } },
  { say: ['vem samordnar i Jämtland?'], expect: { kind: 'contact', lang: 'sv', includes: ['Elin Ring', 'Jan Persson'] } },
  { say: ['vem rapporterar för ungdomsmottagningen i Jämtland?'], expect: { kind: 'contact', lang: 'sv', includes: ['Enhetschef'] } },
  { say: ['vem var koordinatorer för analysarbetet i Dalarna 2018?'], expect: { kind: 'contact', lang: 'sv', includes: ['Per Söderberg', 'Tomas Ahlin'] } },
  { say: ["who's the contact for Sydväst?"], expect: { kind: 'contact', lang: 'en', includes: ['malin.gunnarsson01@trelleborg.se'], excludes: ['carola.teirfolk@simrishamn.se'] } },
  { say: ['who coordinates in Jämtland?'], expect: { kind: 'contact', lang: 'en', includes: ['Elin Ring', 'Jan Persson'] } },
  { say: ['Who should I contact in Nordost?'], expect: { kind: 'contact', lang: 'en', includes: ['anna-marie.nilsson@bromolla.se', 'jennie.salmen@kristianstad.se'] } },
  { say: ['contact person for psychiatry in Skåne'], expect: { kind: 'contact', lang: 'en', includes: ['karin.torell@skane.se', 'Linda.M.Welin@skane.se'] } },
  { say: ['who is the contact for Mellersta?'], expect: { kind: 'contact', lang: 'en', includes: ['anna.burston@lund.se', 'jennie.goranssonskarp@lund.se'] } },
  { say: ['who convenes the Skåne group?'], expect: { kind: 'contact', lang: 'en', includes: ['Emelie Sundén', 'Bim Soerich'] } },

  // ───────────── Focus areas and activities ─────────────
  { say: ['vad ska samsjuklighetspengarna användas till i Dalarna 2022?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Bostad först'] } },
  { say: ['vad gör man med brukarmedverkanspengarna i Dalarna 2022?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['BISAM'] } },
  { say: ['suicidprevention dalarna 2022 insatser'], expect: { kind: 'focusArea', lang: 'sv', includes: ['MHFA', 'vecka 41'] } },
  { say: ['vad görs för ungdomsmottagningarna i Dalarna 2022?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Ung i Dalarna'] } },
  { say: ['vad ska samsjuklighetsmedlen i Dalarna 2020 användas till?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['LAG'] } },
  { say: ['vad ska kommunernas pengar användas till 2020 i Dalarna?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['mobila lösningar'] } },
  { say: ['kunskapsbaserad och säker vård dalarna 2020 vad är tanken'], expect: { kind: 'focusArea', lang: 'sv', includes: ['patientsäkerhet'] } },
  { say: ['vad ska samsjuklighetsmedlen i jämtland gå till'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Regional samordning', 'Coronapandemin'] } },
  { say: ['hur ska brukarmiljonen i Jämtland användas?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['föreningsbidrag'] } },
  { say: ['vad ska suicidpengarna i Jämtland användas till?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Suicidpreventiv samordning', 'MHFA'] } },
  { say: ['jämtland ungdomsmottagning vad ska göras'], expect: { kind: 'focusArea', lang: 'sv', includes: ['hela länets ungdomar'] } },
  { say: ['exempel på aktiviteter samsjuklighet Skåne'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Case Management', 'SIP'] } },
  { say: ['vad kan vi använda brukarmedverkansmedlen till i Skåne?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Peer support', 'Brukarrevision'] } },
  { say: ['suicidprevention skåne exempel på aktiviteter'], expect: { kind: 'focusArea', lang: 'sv', includes: ['MHFA', 'YAM'] } },
  { say: ['vilka prioriterade områden har Skåne 2023?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['samsjuklighet', 'anhörigmedverkan', 'suicidpreventivt'] } },
  // Activity names are quoted in the document's Swedish words in English replies too.
  { say: ['What is the comorbidity money used for in Dalarna 2022?'], expect: { kind: 'focusArea', lang: 'en', includes: ['Bostad först'] } },
  { say: ["What are Jämtland's suicide prevention funds for?"], expect: { kind: 'focusArea', lang: 'en', includes: ['MHFA', 'PAX'] } },
  { say: ['examples of user participation activities in Skåne'], expect: { kind: 'focusArea', lang: 'en', includes: ['Peer support'] } },
  { say: ['What will Dalarna do with the youth clinic money in 2022?'], expect: { kind: 'focusArea', lang: 'en', includes: ['Ung i Dalarna'] } },
  { say: ['What should the suicide prevention money be used for in Dalarna 2022?'], expect: { kind: 'focusArea', lang: 'en', includes: ['MHFA'] } },

  // ───────────── Free text from the passages ─────────────
  { say: ['vad är Bostad först?'], expect: { kind: 'passage', lang: 'sv', includes: ['bostad med stöd'] } },
  { say: ['vad är BISAM?'], expect: { kind: 'passage', lang: 'sv', includes: ['Brukarinflytandesamordnare'] } },
  { say: ['vad är appen Ung i Dalarna?'], expect: { kind: 'passage', lang: 'sv', includes: ['breddinförande'] } },
  { say: ['vad är Mini-Maria?'], expect: { kind: 'passage', lang: 'sv', includes: ['utredning'] } },
  { say: ['vad är det gemensamma HVB-hemmet?'], expect: { kind: 'passage', lang: 'sv', includes: ['gemensamt HVB-hem'] } },
  { say: ['vad händer vecka 41?'], expect: { kind: 'passage', lang: 'sv', includes: ['psykisk ohälsa'] } },
  { say: ['vad är fontänhus?'], expect: { kind: 'passage', lang: 'sv', includes: ['Fontänhus i Falun'] } },
  { say: ['vad är Plugga klart?'], expect: { kind: 'passage', lang: 'sv', includes: ['Plugga klart 1'] } },
  { say: ['vad är Lupp'], expect: { kind: 'passage', lang: 'sv', includes: ['ungdomsenkät'] } },
  { say: ['vad är SUS?'], expect: { kind: 'passage', lang: 'sv', includes: ['Samordnad utskrivning'] } },
  { say: ['vad är ångesthjälpen ung'], expect: { kind: 'passage', lang: 'sv', includes: ['KBT'] } },
  { say: ['vad gör suicidsamordnaren i Vansbro?'], expect: { kind: 'passage', lang: 'sv', includes: ['kvalitetssäkrande'] } },
  { say: ['pilotprojekt om manlighet och machokultur, var?'], expect: { kind: 'passage', lang: 'sv', includes: ['Avesta och Borlänge'] } },
  { say: ['vad är TSI?'], expect: { kind: 'passage', lang: 'sv', includes: ['Tidiga Samordnade Insatser'] } },
  { say: ['vilka fokusområden fanns 2018?'], expect: { kind: 'focusArea', lang: 'sv', includes: ['Utsatta grupper', 'Ledning, styrning och organisation'] } },
  { say: ['får vi använda pengarna till pågående arbeten i Skåne?'], expect: { kind: 'passage', lang: 'sv', includes: ['pågående arbeten'] } },
  { say: ['vem rekvirerade medlen i Dalarna 2020?'], expect: { kind: 'invoice', lang: 'sv', includes: ['rekvirerat samtliga medel'] } },
  { say: ['vad krävs i redovisningen för Dalarna 2020?'], expect: { kind: 'passage', lang: 'sv', includes: ['grundläggande krav'] } },
  // 002 says "Krav för återredovisning är ännu ej publicerad": the bot quotes that, and must not borrow Dalarna's date.
  { say: ['När ska Jämtland återredovisa?'], expect: { kind: 'passage', lang: 'sv', includes: ['ej publicerad'], excludes: ['31 mars 2021'] } },
  { say: ['What is Bostad först?'], expect: { kind: 'passage', lang: 'en', includes: ['Case management'] } },
  { say: ['What is BISAM?'], expect: { kind: 'passage', lang: 'en', includes: ['Brukarinflytandesamordnare'] } },
  { say: ['what is the Ung i Dalarna app?'], expect: { kind: 'passage', lang: 'en', includes: ['breddinförande'] } },
  { say: ['Can we use the Skåne money for ongoing work?'], expect: { kind: 'passage', lang: 'en', includes: ['pågående arbeten'] } },
  { say: ['what happens in week 41?'], expect: { kind: 'passage', lang: 'en', includes: ['vecka 41'] } },
  { say: ['What is Mini-Maria?'], expect: { kind: 'passage', lang: 'en', includes: ['utredning'] } },
  { say: ['What is the Fontänhus?'], expect: { kind: 'passage', lang: 'en', includes: ['Fontänhus i Falun'] } },

  // ───────────── Figures (004 Dalarna 2018; 000 Dalarna 2022) ─────────────
  // Bare question: the per-person cost in 004 ("ca 20 000 kr per/person"), not Skåne's 600 000 kr allocation.
  { say: ['vad kostar MHFA-instruktörsutbildning?'], expect: { kind: 'figure', lang: 'sv', includes: ['20 000 kr'] } },
  { say: ['hur dyr är instruktörsutbildningen i första hjälpen per person?'], expect: { kind: 'figure', lang: 'sv', includes: ['20 000 kr'], excludes: ['600 000 kr'] } },
  // "ca 1500 kr" per medarbetare: '500 kr' matches both "1500 kr" and "1 500 kr".
  { say: ['vad kostar första hjälpen-utbildning per medarbetare?'], expect: { kind: 'figure', lang: 'sv', includes: ['500 kr'] } },
  { say: ['hur många invånare har Dalarna?'], expect: { kind: 'figure', lang: 'sv', includes: ['286 393'] } },
  { say: ['hur många barn och unga 0-24 finns i dalarna'], expect: { kind: 'figure', lang: 'sv', includes: ['78 900'] } },
  { say: ['hur många medarbetare har Region Dalarna utbildat i första hjälpen?'], expect: { kind: 'figure', lang: 'sv', includes: ['220'] } },
  { say: ['hur många ska utbildas i MHFA per år i Dalarna 2022?'], expect: { kind: 'figure', lang: 'sv', includes: ['100'] } },
  { say: ['hur stor andel av Dalarnas kommuner erbjuder Case Management?'], expect: { kind: 'figure', lang: 'sv', includes: ['73'] } },
  // "6884 invånare" (2018): '884' matches "6884" and "6 884".
  { say: ['hur många invånare har Orsa?'], expect: { kind: 'figure', lang: 'sv', includes: ['884'] } },
  { say: ['hur många kom på SIP-temadagen 2018?'], expect: { kind: 'figure', lang: 'sv', includes: ['150'] } },
  { say: ['What does MHFA instructor training cost per person?'], expect: { kind: 'figure', lang: 'en', includes: ['SEK 20,000'], excludes: ['SEK 600,000'] } },
  { say: ['how many inhabitants does Dalarna have?'], expect: { kind: 'figure', lang: 'en', includes: ['286,393'] } },
  { say: ['how many children and young people aged 0-24 live in Dalarna?'], expect: { kind: 'figure', lang: 'en', includes: ['78,900'] } },

  // ───────────── Clarify: a place or a year is missing ─────────────
  // Several years and none named: the bot answers the latest and says which, naming the others.
  { say: ['hur mycket får dalarna?'], expect: { kind: 'amount', lang: 'sv', includes: ['2022', 'det finns också 2020', 'drygt 18 mkr'], excludes: ['18 172 239 kr'] } },
  { say: ['brukarmedverkan dalarna'], expect: { kind: 'amount', lang: 'sv', includes: ['2022', 'det finns också 2020', '1 000 000 kr'] } },
  { say: ['hur mkt pengar till suicidprevention?'], expect: { kind: 'clarify', lang: 'sv', includes: ['Dalarna', 'Jämtland', 'Skåne'] } },
  { say: ['vad får kommunen?'], expect: { kind: 'clarify', lang: 'sv' } },
  { say: ['Hur mycket får vi?'], expect: { kind: 'clarify', lang: 'sv' } },
  { say: ['How much does Dalarna get?'], expect: { kind: 'amount', lang: 'en', includes: ['2022', 'there is also 2020'], excludes: ['SEK 18,172,239'] } },
  { say: ['how much for youth clinics?'], expect: { kind: 'clarify', lang: 'en', includes: ['Dalarna', 'Jämtland'] } },

  // ───────────── Follow-ups (multi-turn) ─────────────
  { say: ['Hur mycket får Mora?', 'och Falun?'], expect: { kind: 'amount', lang: 'sv', includes: ['1 726 309 kr', '1 150 872,72 kr', '575 436,36 kr', '2020'], excludes: ['593 461 kr'] } },
  { say: ['Moras andel', 'samma för Orsa'], expect: { kind: 'amount', lang: 'sv', includes: ['201 173 kr', '2020'], excludes: ['593 461 kr'] } },
  { say: ['hej', 'hur mycket får Ludvika?'], expect: { kind: 'amount', lang: 'sv', includes: ['782 627 kr', '2020'], excludes: ['674 017 kr'] } },
  { say: ['Dalarna 2020 samsjuklighet', 'och 2022?'], expect: { kind: 'amount', lang: 'sv', includes: ['7 621 404 kr', '2022'], excludes: ['7 649 410,97 kr'] } },
  { say: ['hur mycket får Jämtland för suicidprevention 2020?', 'och Dalarna?'], expect: { kind: 'amount', lang: 'sv', includes: ['5 577 707,31 kr', '2020'], excludes: ['2 533 016,95 kr', '5 518 744 kr'] } },
  { say: ['Hur mycket får Nordost?', 'och Mellersta?'], expect: { kind: 'amount', lang: 'sv', includes: ['8 422 551 kr', 'rekonstru'], excludes: ['6 115 364 kr'] } },
  { say: ['vilken kommun får mest?', 'och minst?'], expect: { kind: 'list', lang: 'sv', includes: ['Vansbro', '197 452 kr'], excludes: ['1 726 309 kr'] } },
  { say: ['när ska slutredovisningen in för Dalarna 2020?', 'och Skåne?'], expect: { kind: 'deadline', lang: 'sv', includes: ['september 2023'], excludes: ['31 mars 2021'] } },
  { say: ['How much does Mora get?', 'and Säter?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 323,040', 'SEK 215,359.83', 'SEK 107,679.92', '2020'], excludes: ['SEK 593,461'] } },
  { say: ['How much does Falun get?', 'and Borlange?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 1,526,386', '2020'], excludes: ['SEK 1,726,309'] } },
  { say: ['What does Nordost get?', 'and Malmö?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 9,583,978', '2023'], excludes: ['SEK 6,115,364'] } },
  { say: ['What does Orsa get?', 'and Älvdalen?'], expect: { kind: 'amount', lang: 'en', includes: ['SEK 204,342', 'SEK 136,227.89', 'SEK 68,113.94', '2020'], excludes: ['SEK 201,173'] } },

  // ───────────── Unanswerable: places not in the documents ─────────────
  { say: ['Hur mycket får Uppsala?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['18 172 239 kr', '11 537 156,91 kr', '42 645 244 kr'] } },
  { say: ['vad får Göteborg 2020'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['18 172 239 kr', '11 537 156,91 kr'] } },
  { say: ['Kiruna kommun pengar'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['593 461 kr', '11 537 156,91 kr'] } },
  { say: ['Stockholms län 2023'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['42 645 244 kr', '4 mkr'] } },
  { say: ['hur mycket får Gävle?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['18 172 239 kr'] } },
  // Östersund is in Jämtland, but the Jämtland document has no municipal amounts.
  { say: ['Hur mycket får Östersund?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['6 203 183,05 kr', '11 537 156,91 kr'] } },
  // Lund and Helsingborg: the documents never say which municipalities make up which sub-region
  // (lund.se only appears in e-mail addresses), so mapping them to Mellersta/Nordväst would be a guess.
  { say: ['vad får Lund?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['8 422 551 kr'] } },
  { say: ['hur mycket får Helsingborg'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['9 669 681 kr'] } },
  { say: ['How much does Uppsala get?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 18,172,239', 'SEK 11,537,156.91'] } },
  { say: ['What does Stockholm county get in 2023?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 42,645,244'] } },
  { say: ['How much does Gothenburg get?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 18,172,239'] } },
  { say: ['How much does Kiruna get?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 593,461'] } },
  { say: ['How much does Östersund get?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 6,203,183.05', 'SEK 11,537,156.91'] } },

  // ───────────── Unanswerable: years not in the store for that place ─────────────
  { say: ['Hur mycket får Mora 2023?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['593 461 kr', '395 640,36 kr', '197 820,18 kr'] } },
  { say: ['hur mycket fick Mora 2019?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['593 461 kr', '395 640,36 kr'] } },
  { say: ['Skåne 2020'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['42 645 244 kr', '4 mkr'] } },
  { say: ['Jämtland 2022'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['6 203 183,05 kr', '11 537 156,91 kr', '7 621 404 kr'] } },
  { say: ['hur mycket fick Malmö 2022'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['9 583 978 kr'] } },
  { say: ['Hur mycket får Dalarna 2024?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['7 621 404 kr', '18 mkr', '18 172 239 kr'] } },
  // 004 (2018) has only national figures ("850 miljoner", "500 miljoner"), no county or municipal amounts.
  { say: ['hur mycket fick Dalarna 2018?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['500 miljoner', '850 miljoner', '18 172 239 kr'] } },
  { say: ['hur mycket får Falun 2018?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['1 726 309 kr'] } },
  // Municipal amounts exist only for 2020.
  { say: ['hur mkt får Säter 2020', 'och 2022?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['323 040 kr', '215 359,83 kr', '107 679,92 kr', '7 621 404 kr'] } },
  { say: ['Mora', '2022 då?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['593 461 kr', '395 640,36 kr'] } },
  // A carried year the newly named place has no data for gives way to the years it has, and says so.
  { say: ['suicidprevention dalarna 2022', 'och jämtland?'], expect: { kind: 'amount', lang: 'sv', includes: ['2 533 016,95 kr', 'inga belopp för Jämtland 2022', 'gäller 2020'], excludes: ['5 518 744 kr'] } },
  { say: ['How much did Mora get in 2023?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 593,461', 'SEK 395,640.36'] } },
  { say: ['Jämtland 2023 amounts'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 6,203,183.05', 'SEK 11,537,156.91'] } },
  { say: ['How much did Skåne get in 2020?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 42,645,244'] } },
  { say: ['How much did Falun get in 2019?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 1,726,309'] } },
  { say: ['How much does Borlänge get?', 'what about 2022?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['SEK 1,526,386', 'SEK 7,621,404'] } },

  // ───────────── Unanswerable: details the documents do not give ─────────────
  // Invoice details are printed only for Skåne 2023.
  { say: ['vilken referenskod gäller för Dalarna?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['854877'] } },
  { say: ['GLN för Jämtland'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['7368376009106'] } },
  { say: ['kostnadsställe för Dalarna'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['1145'] } },
  { say: ['faktureringsadress jämtland'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['Gasverksgatan'] } },
  { say: ['sista dag att fakturera Dalarna?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['31 maj 2023'] } },
  { say: ['lägesrapport jämtland när?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['september 2023'] } },
  { say: ['vilken referenskod ska stå på fakturan i Skåne?', 'och för Jämtland?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['854877'] } },
  // "Plusgiro/bankgiro" in 003 is the supplier's own, not Skånes Kommuner's.
  { say: ['bankgiro till Skånes Kommuner?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['854877', '7368376009106'] } },
  { say: ['vad är Moras organisationsnummer?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['854877', '1145'] } },
  // 004 gives inhabitants only for Orsa (6884), Falun (58 460) and the county (286 393).
  { say: ['hur många invånare har Mora?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['884', '58 460', '286 393'] } },
  // BISAM is one of several things financed from brukarmedverkan; its own cost is not given.
  { say: ['vad är BISAM?', 'och vad kostar det?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['1 000 000 kr'] } },
  { say: ['vad kostade Fontänhuset?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['20 000 kr'] } },
  { say: ['vem är kontaktperson för Dalarna 2022?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['Elin Ring', 'carola.teirfolk@simrishamn.se'] } },
  { say: ['vem är kommunalråd i Mora?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV] } },
  // No distribution key is given for 2022 (000 only prints Dalarna's amounts).
  { say: ['hur fördelas stimulansmedlen för 2022?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV], excludes: ['5 Mkr per län', '24 Mkr'] } },
  { say: ["What's the GLN for Dalarna?"], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['7368376009106'] } },
  { say: ['invoice reference code for Jämtland?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['854877'] } },
  { say: ['cost centre for Dalarna?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['1145'] } },
  { say: ['when is the status report due in Jämtland?'], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['September 2023'] } },
  { say: ["What's Falun's organisation number?"], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN], excludes: ['854877'] } },

  // ───────────── Unanswerable: off-topic and nonsense ─────────────
  { say: ['asdfgh'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV] } },
  { say: ['vad blir vädret imorgon?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV] } },
  { say: ['vad är räntan på stimulansmedlen?'], expect: { kind: 'unknown', lang: 'sv', includes: [NO_SV] } },
  { say: ["what's the weather tomorrow?"], expect: { kind: 'unknown', lang: 'en', includes: [NO_EN] } },
  { say: ['qwerty'], locale: 'en', expect: { kind: 'unknown', lang: 'en', includes: [NO_EN] } },
];
