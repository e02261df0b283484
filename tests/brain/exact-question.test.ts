// Every part of the question answered, or the part the documents do not hold named first: several
// places, several funds, several years, table parts, shares, real places the documents do not cover,
// requests to act, and what a follow-up takes from the conversation. The expected figures are worked
// out here from the documents' printed amounts (001: Dalarna 2020 municipal table; 002: Jämtland 2020;
// 003: Skåne 2023 sub-region table; 000: Dalarna 2022).
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/brain/understand.js';
import { converse, store, visible } from './ask.js';

type Case = [question: string | string[], includes: string[], excludes?: string[]];

function check([question, includes, excludes = []]: Case) {
  const reply = converse(Array.isArray(question) ? question : [question]);
  const shown = visible(reply);
  for (const text of includes) expect(shown, `${question}: ${shown}`).toContain(text);
  for (const text of excludes) expect(shown, `${question}: ${shown}`).not.toContain(text);
  return reply;
}

describe('several places in one question', () => {
  // Mora 593 461, Orsa 201 173, Falun 1 726 309, Borlänge 1 526 386, Avesta 674 017, Ludvika 782 627,
  // Hedemora 449 703, Säter 323 040, Rättvik 318 737 (001, table "1. Belopp", 2020).
  it.each<Case>([
    ['Hur mycket får Mora och Orsa tillsammans 2020?', ['794 634 kr', '593 461 kr', '201 173 kr', 'beräknat']],
    ['falun + borlänge 2020', ['3 252 695 kr']],
    ['What do Avesta and Hedemora get combined in 2020?', ['SEK 1,123,720']],
    ['Skillnaden mellan Falun och Borlänge 2020?', ['Skillnaden mellan Falun och Borlänge är 199 923 kr']],
    ['How much more does Ludvika get than Hedemora?', ['SEK 332,924', 'SEK 782,627', 'SEK 449,703']],
    ['Vem får mest, Mora eller Avesta?', ['Avesta får mer', '80 556 kr', '593 461 kr', '674 017 kr'], ['kontakt']],
    ['Who gets more, Säter or Rättvik?', ['Säter gets more', 'SEK 4,303']],
    // Nordost 6 115 364, Sydost 4 355 627 (003, 2023).
    ['Nordost och Sydost tillsammans?', ['10 470 991 kr']],
    // A county named with its own sub-regions or municipalities says where; it is not a third term.
    ['Difference between the Nordost and Sydost totals in Skåne 2023?', ['SEK 1,759,737'], ['SEK 42,645,244']],
    ['Hur mycket får Mora och Falun i Dalarna tillsammans 2020?', ['2 319 770 kr'], ['18 172 239']],
    // Dalarna 2020 county-wide 18 172 239; Jämtland 2020 11 537 156,91 (002).
    ['skillnad i länsgemensamt mellan Dalarna och Jämtland 2020', ['6 635 082,09 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('several funds or years of one place', () => {
  it.each<Case>([
    // Jämtland 2020: samsjuklighet 6 203 183,05 + suicidprevention 2 533 016,95 = 8 736 200.
    ['Jämtland samsjuklighet + suicidprevention 2020 tillsammans', ['8 736 200 kr']],
    // Dalarna samsjuklighet 2020 7 649 410,97, 2022 7 621 404: 28 006,97 less in 2022.
    ['Hur mycket skiljer samsjuklighet för Dalarna mellan 2020 och 2022?', ['28 006,97 kr', '7 649 410,97 kr', '7 621 404 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('a part of a table row', () => {
  // Nordost 2023 (003): bases 1 000 000 + 300 000 + 1 000 000; by population 1 142 432, 26 454, 2 646 478.
  it.each<Case>([
    ['Sydost suicidprevention 2023, inte basen', ['1 425 859 kr'], ['1 000 000 kr –']],
    ['Nordost brukarmedverkan, den rörliga delen', ['26 454 kr']],
    ['Nordväst samverkan rörlig del', ['2 206 699 kr']],
    [['Hur mycket får Nordost?', 'och hur mycket av det är basbelopp?'], ['2 300 000 kr', 'beräknat']],
    ['Malmö suicidprevention efter befolkning', ['5 052 438 kr']],
    ['Nordost brukarmedverkan 2023, både bas och rörlig del', ['300 000 kr', '26 454 kr']],
    // Nordost samsjuklighet: 1 000 000 base + 1 142 432 by population = 2 142 432.
    ['Hur mycket får Nordost för samsjuklighet inklusive basen?', ['2 142 432 kr']],
    ["What's Nordost's suicide prevention money, excluding the base?", ['SEK 2,646,478'], ['SEK 1,000,000 –']],
    // Falun 2020 (001): 1 150 872,72 for action plans + 575 436,36 knowledge-based = 1 726 309.
    ["What is Falun's kunskapsbaserad part for 2020?", ['SEK 575,436.36'], ['SEK 1,150,872.72 –']],
    // "enligt ÖK": the agreement as a whole; Borlänge's amount under it is its row, 1 526 386.
    ['hur mkt får borlänge kommun 2020 enligt ÖK', ['1 526 386 kr']],
    // The 15 rounded municipal amounts of 001 add up to 8 366 562; the memo prints no sum.
    ['Hur mycket får Dalarnas kommuner totalt 2020?', ['8 366 562 kr', 'beräknat'], ['18 172 239 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('the same part for each place of a kind', () => {
  // 003: every sub-region has 300 000 kr in base for brukarmedverkan, 1 000 000 kr for samverkan.
  it.each<Case>([
    ['What base amount does each Skåne sub-region get for patient and user involvement?', ['SEK 300,000', 'Nordost', 'Sydväst'], ['SEK 1,800,000', '351 098', '26,454']],
    ['Vad får delregionerna i Skåne för brukarmedverkan, basen?', ['300 000 kr', 'bas'], ['351 098', '26 454']],
    ['Hur mycket bas får varje delregion för samverkan?', ['1 000 000 kr', 'Malmö'], ['6 000 000', '1 142 432']],
    // The Skåne total row prints the base column: 1 800 000, said to be the base.
    ['Hur mycket får Skåne i bas för brukarmedverkan?', ['1 800 000 kr', 'bas']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('the named items of a fund made of items', () => {
  // 003 "Medel att användas Skånegemensamt": under 3.3 Case Management 200 000, Mariamottagningarna 1,5 mkr
  // (250 000 kr per Maria mottagning), Naloxon 500 000, samordning 130 000, anhörigstöd 100 000,
  // brukarrevision 200 000, gaming 500 000; under 3.6 MHFA 600 000, Traumamedveten Omsorg 70 000,
  // samverkan suicidprevention 200 000.
  const samsjuklighet = 200_000 + 1_500_000 + 500_000 + 130_000 + 100_000 + 200_000 + 500_000;
  const suicid = 600_000 + 70_000 + 200_000;
  const kr = (n: number) => `${n.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`;
  it.each<Case>([
    ['Summa skånegemensamt under 3.3 samsjuklighet?', [kr(samsjuklighet), 'beräknat', 'Case Management'], ['MHFA', '4 mkr.']],
    ['Hur mycket läggs skånegemensamt på suicidpreventivt arbete sammanlagt?', [kr(suicid), 'beräknat', 'MHFA instruktörsutbildning'], ['Case Management']],
    ['How much for Naloxon, samsjuklighetsutredningen etc. in Skåne 2023?', ['SEK 500,000', 'Naloxon'], ['14,637,112']],
    ['Vad får Mariamottagningarna 2023 för länsgemensamt utvecklingsarbete?', ['1,5 mkr', '250 000 kr per Maria mottagning']],
    ['vilka skånegemensamma satsningar finns?', ['4 mkr', 'Gamingprojekt Maria mottagningarna', 'Traumamedveten Omsorg']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('focus areas of a fund made of others', () => {
  // 003: the prioritised areas 3.3 samsjuklighet, 3.5 patient-, brukar- och anhörigmedverkan, 3.6 suicidprevention.
  it.each<Case>([
    ['What are the three priority areas for the county-wide funds in Skåne 2023?', ['3.3 En mer sammanhållen', '3.5 En systematisk patient-, brukar- och anhörigmedverkan', '3.6 Ett stärkt och utvecklat suicidpreventivt arbete']],
    // 002: "Aktiviteter för att stärka samverkan (6 203 183,05) inom sex områden", the first "Regional samordning".
    ['Vilka områden ska Jämtlands samsjuklighetsmedel fördelas inom?', ['inom sex områden', 'Regional samordning'], ['Fördelningsnyckel']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('what a focus area includes', () => {
  it.each<Case>([
    // 000 "a) Samsjuklighet": Bostad först, an RSS resource, Mini-Maria, a shared HVB home.
    ['Vad ingår i Dalarnas samsjuklighetsinsatser 2022?', ['Bostad först', 'HVB']],
    // 003 3.5: "Exempel på aktiviteter: … Peer support/mentorer …".
    ['What user-involvement examples does the Skåne document list?', ['Peer support'], ['largest first']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('words the facts do not know, answered by a passage or not at all', () => {
  it.each<Case>([
    // 000 (2022): "modellen "Bostad först" mellan Borlänge kommun och Region Dalarnas psykiatri".
    ['Vad är Bostad först i Dalarna 2022?', ['Borlänge kommun', '(citat)']],
    // "Vilka är …" asks for things, not years: 002 "Det finns tre syften med årets överenskommelse".
    ['Vilka är de tre syftena med 2020 års överenskommelse?', ['tre syften', 'bästa tillgängliga kunskap'], ['2020–2021']],
    // "Which places get …" about an activity, in another form of the word: 000 "förstärkning och utveckling av
    // ungdomsmottagningarna i bland annat Orsa, Älvdalen och Idre/Särna".
    ['vilka orter får förstärkta ungdomsmottagningar?', ['Orsa, Älvdalen och Idre/Särna'], ['Jag hittar inte']],
    // 000: "I Avesta och Borlänge pågår vidare två pilotprojekt med fokus på normer kring manlighet": a definite
    // form, words that frame the question ("handlar om"), and English phrases for Swedish compounds.
    ['Berätta om pilotprojekten i Avesta och Borlänge', ['normer kring manlighet']],
    // "Which municipalities do X" is answered by the text, not by a ranking of amounts.
    ['vilka kommuner arbetar med bostad först?', ['Borlänge kommun'], ['störst först']],
    ['vilka kommuner har pilotprojekt om manlighet?', ['I Avesta och Borlänge'], ['störst först']],
    ['What are the pilot projects in Avesta and Borlänge about?', ['normer kring manlighet']],
    ["What is 'Bostad först' and where is it being done in Dalarna?", ['Borlänge kommun']],
    // 002: "SVOM föreslås besluta: Att godkänna förslag avseende nyttjande av nationella statsbidrag 2020": who decides is text.
    ['Vem beslutar om hur Jämtlands statsbidrag 2020 ska fördelas?', ['SVOM föreslås besluta']],
    // 002 (Jämtland 2020): the suicide prevention part "inom tre målområden".
    ['What are the target areas for suicide prevention money in Jämtland 2020?', ['tre målområden'], ['I could not find']],
    // A follow-up's "dom" is the place just asked about (Jämtland), not the first county with such funds.
    [['vilka är samordnare för psykisk hälsa i jämtland?', 'vad ska dom göra med samverkanspengarna?'], ['Jämtland 2020'], ['Skåne']],
  ])('%s', (...test) => {
    check(test);
  });

  it('does not answer a question about one year with a passage of another year', () => {
    const reply = converse(['hur fördelas stimulansmedlen för 2022?']);
    expect(reply.kind).toBe('unknown');
    expect(visible(reply)).not.toContain('Jämtland Härjedalen, 2020');
  });
});

describe('an item another place lists is not answered with this place\'s total', () => {
  // 003 (Skåne 2023, "3.3 samsjuklighet") lists "Gamingprojekt Maria mottagningarna 500 000"; Jämtland's
  // total 2020 is 11 537 156,91 (002) and Mora's 593 461 (001): neither may stand for the item.
  it.each<Case>([
    ['Hur mycket får gamingprojektet i Jämtland?', ['Jag hittar inte', 'gamingprojektet', 'Skåne 2023'], ['11 537 156,91']],
    ['What does the gaming project get in Jämtland?', ['I could not find', 'Skåne in 2023'], ['11,537,156.91']],
    ['Hur mycket får Mora för utbildning?', ['Jag hittar inte', 'utbildning'], ['593 461']],
    ['Hur mycket får Skåne för gamingprojektet?', ['500 000 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('follow-ups that add a place or set another year against the figure', () => {
  // 001 (2020): Falun 1 726 309 + Borlänge 1 526 386 + Ludvika 782 627 = 4 035 322; Mora 593 461 + Orsa 201 173 = 794 634.
  // Dalarna samsjuklighet 2022 7 621 404 (000) against 2020 7 649 410,97 (001): 28 006,97 less.
  it.each<Case>([
    [['Vad blir Falun + Borlänge tillsammans 2020?', 'lägg till Ludvika också'], ['4 035 322 kr']],
    [['Hur mycket får Mora?', 'add Orsa too'], ['794 634 kr']],
    [['Vad fick Dalarna för samsjuklighet 2022?', 'och jämfört med 2020, hur stor skillnad?'], ['28 006,97 kr'], ['Falun 1 726 309']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('several funds of one place asked at once', () => {
  // 001: Avesta 449 344,65 for action plans and 224 672,33 knowledge-based; Mora has no suicide prevention figure.
  it.each<Case>([
    ['Avesta kommun – vad får de för utvecklingsinsatser resp. den kunskapsbaserade delen? båda siffrorna', ['449 344,65 kr', '224 672,33 kr']],
    ['Mora: handlingsplaner och suicidprevention?', ['Jag hittar inte', 'suicidprevention'], ['395 640,36']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('an obligation named by its own word is its deadline', () => {
  // 001: "2. Slutredovisning 31 mars 2021."
  it.each<Case>([
    ['När ska slutredovisningen för 2020 års medel i Dalarna vara inne?', ['31 mars 2021'], ['2016–2018']],
    ['When is the final report for Dalarna\'s 2020 money due?', ['31 March 2021']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('sums that name a total and a part, or both parts of a fund', () => {
  // 001 (2020): Dalarna's county-wide total 18 172 239 holds samsjuklighet 7 649 410,97; the 15 municipal amounts add up to 8 366 562.
  // 003 (2023): the sub-regions 42 645 244 and the Skåne-wide 4 mkr; Sydost brukarmedverkan 300 000 base + 14 253.
  it.each<Case>([
    ['Hur mycket får Dalarna för samsjuklighet och länsgemensamt tillsammans 2020?', ['ingår redan', '18 172 239 kr'], ['25 821 649,97']],
    ['Vad får Dalarna totalt 2020 om man räknar både länsgemensamt och kommunernas medel?', ['26 538 801 kr']],
    ['Om man lägger ihop delregionerna och skånegemensamma medel, hur mycket är det totalt?', ['46 645 244 kr']],
    ['Sydost brukarmedverkan totalt (bas+befolkning)?', ['314 253 kr']],
    ['Total for Nordost for comorbidity cooperation, base plus population share?', ['SEK 2,142,432']],
    ['Hur mycket fördelas sammanlagt till de delregionala samverkansorganen i Skåne?', ['42 645 244 kr'], ['Skåne 2023: 14 637 112 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('a ranking by inhabitants is never a ranking of amounts', () => {
  // 004: "Den minsta kommun Orsa har en på 6884 invånare och den största kommunen Falun har en befolkning 58 460 invånare."
  it.each<Case>([
    ['vilken kommun i Dalarna har minst invånare?', ['Orsa', '6 884 invånare'], ['Vansbro', '197 452']],
    ['Which municipality in Dalarna has the most inhabitants?', ['Falun', '58,460'], ['SEK 1,726,309']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('two things asked of the invoice or the key', () => {
  it.each<Case>([
    // 003: "Varje delregionalt samverkansorgan … beslutar vilken part som rekvirerar de delregionala medlen från Skånes Kommuner".
    ['Who decides which party in a sub-region invoices Skånes Kommuner for the money?', ['decides which party requisitions']],
    // 002: samsjuklighet 200 Mkr, "fördelningsnyckel 5 Mkr per län och resten fördelat efter befolkningsmängd".
    ["How big is the national 2020 pot for people with comorbidity, and what's the key?", ['SEK 200 million', 'SEK 5 million per county']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('two questions on one subject are answered by the passage on it', () => {
  // 000: "modellen "Bostad först" mellan Borlänge kommun och Region Dalarnas psykiatri"; "länets Brukarinflytandesamordnare, BISAM".
  it.each<Case>([
    ['Vad är Bostad först och vilka samarbetar kring det i Dalarna?', ['Bostad först', 'Borlänge']],
    ['What is BISAM and where is the function placed now?', ['Brukarinflytandesamordnare']],
    // 000 "a) Samsjuklighet": the HVB passage names Borlänge in its third sentence; "d) Ungdomsmottagningar" names the clinics.
    ['Vilket HVB-samarbete planeras i Dalarna 2022?', ['HVB', 'Borlänge kommun fick i uppdrag']],
    ['Vilka ungdomsmottagningar förstärks i Dalarna under 2022?', ['Orsa, Älvdalen och Idre/Särna']],
    // A question of what is allowed is read in the text, never answered with a ranking of amounts.
    ['Får delregionerna i Skåne använda medlen till pågående arbeten?', ['Det här står i dokumentet'], ['störst först']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('counts, national pots and rankings followed up', () => {
  // 003: "Mariamottagningarna; Länsgemensamt utvecklingsarbete 250 000kr per Maria mottagningar, Totalt 1,5 mkr": 1 500 000 / 250 000 = 6.
  // 002 (2020): samsjuklighet 200 Mkr + brukarmedverkan 24 Mkr + suicidprevention 200 Mkr + ungdomsmottagningar 150 Mkr = 574 Mkr.
  // 003 (2023): Nordväst 9 669 681 (reconstructed) is the largest sub-region, Malmö 9 583 978: 85 703 more.
  it.each<Case>([
    ['Hur många Mariamottagningar räknar man med i Skåne om det är 250 000 per mottagning och 1,5 mkr totalt?', ['6 (härlett'], ['0 × 1 500 000']],
    ['Hur mycket fördelas sammanlagt till länen i de fyra potterna 2020 (samsjuklighet, brukare, suicid, UM)?', ['574 000 000 kr']],
    ['What do the suicide prevention and youth clinic pots add up to in 2020?', ['SEK 350,000,000', 'Sweden 2020'], ['Sverige 2020']],
    [['Which Skåne sub-region gets the most money?', 'how much more than Malmö?'], ['SEK 85,703']],
    [['Vilken kommun i Dalarna får mest?', 'hur mycket mer än Mora?'], ['1 132 848 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('questions asked with an introduction, a top n or words of their own', () => {
  // 001 (2020): Älvdalen 204 342; Säter 323 040; the five largest (Falun 1 726 309, Borlänge 1 526 386, Ludvika 782 627,
  // Avesta 674 017, Mora 593 461) = 5 302 800. 004: "Regeringen har mellan 2012 och 2016 avsatt ca 850 miljoner årligen".
  // 003: Malmö 9 583 978 in total with 1 000 000 base for suicide prevention; 2 000 000 instead: 10 583 978.
  it.each<Case>([
    ['Hej! Jag är nyanställd samordnare i Älvdalen. Hur mycket fick vi från ÖK psykisk hälsa 2020?', ['204 342 kr'], ['kontaktperson']],
    ["Hi! I'm the new coordinator in Säter and my boss asked what we got in 2020", ['SEK 323,040'], ['contact']],
    ['Hur mycket fick de fem största kommunerna i Dalarna tillsammans 2020?', ['5 302 800 kr'], ['8 366 562']],
    ['Roughly how much did the government set aside per year 2012–2016?', ['850 miljoner']],
    ['Anta att Malmö fick 2 mkr i bas för suicidprevention i stället för 1 mkr och att befolkningsdelen var oförändrad – vad blir Malmös summa då?', ['10 583 978 kr']],
    ['Med 8 miljoner totalt till kommunerna och samma andelar som 2020, vad får Leksand?', ['Uppskattning'], ['459 849', 'samma andelar som i dokumentet blir delarna']],
    ['What is Bostad först (Housing First) in Dalarna\'s 2022 plan and who is running it?', ['Borlänge kommun']],
    [['Hur mycket fick Borlänge 2020?', 'hur mycket av det var den kunskapsbaserade delen?'], ['508 795,36 kr'], ['Vilken plats']],
    [['Vad fick Dalarna för samsjuklighet 2022?', 'skillnad mot 2020?'], ['28 006,97 kr']],
    // 002: "Medlen fördelas med 1 Mkr per län förutom de tre storstadslänen som får vardera 2 Mkr." — no county named.
    ['Vad fick Stockholms län för brukarmedverkan 2020 enligt fördelningsnyckeln?', ['Jag hittar inte', 'vardera 2 Mkr', 'Vilket belopp ett visst län fick står där inte']],
    // 003: Nordost samverkan by population 1 142 432 of 8 637 112; a 2 mkr base with the same pot 14 637 112 leaves
    // 14 637 112 − 12 000 000 = 2 637 112 by population: Nordost 2 000 000 + 2 637 112 × 1 142 432 / 8 637 112 ≈ 2 348 811.
    ['If Skåne used a 2 mkr base per sub-region for comorbidity but kept the same total (14 637 112), what would Nordost get?', ['SEK 2,348,811']],
    [['Vad får Nordost totalt för suicidprevention, bas plus befolkningsdel?', 'om suicidpotten varit 30 mkr totalt då, med samma bas?'], ['Uppskattning'], ['Nordost 2023: 1 000 000 kr – suicidprevention (bas)']],
    // 002: Jämtland samsjuklighet 6 203 183,05 under "5 Mkr per län och resten efter befolkningsmängd": 1 203 183,05 × 1,1 + 5 000 000.
    ['Om Jämtlands befolkningsdel av samsjuklighetsmedlen ökade med 10 % men basen låg kvar, vad blir totalen för samsjuklighet?', ['6 323 501,36 kr'], ['6 823 501']],
    // 003 (2023): suicide prevention by population 20 008 132 against samverkan by population 8 637 112: 11 371 020 more.
    ['hur mycket större är suicid-befolkningsdelen än samverkan-befolkningsdelen totalt för skåne?', ['11 371 020 kr']],
    // 001: Ludvika 260 875,72 kunskapsbaserad (the row's part, asked as "del för").
    ['ludvikas del för kunskapsbaserad hälso- och sjukvård/socialtjänst 2020?', ['260 875,72 kr']],
    ["What is 'Bostad först' and who runs it in Dalarna?", ['Borlänge kommun'], ['Contacts for Dalarna']],
    // 001: Falun 1 726 309; giving up 10 % leaves 1 553 678,10.
    ['Om Falun skulle avstå 10 % av sin del 2020, hur mycket blir kvar?', ['1 553 678,10 kr'], ['172 630,90']],
    // 002: samsjuklighet 200 Mkr, 5 Mkr per county; Jämtland's population part 1 203 183,05 of 95 Mkr. With 6 Mkr per county:
    // 6 000 000 + 1 203 183,05 / 95 000 000 × (200 000 000 − 21 × 6 000 000) = 6 937 216,27.
    ['With the 2020 key, if every county had got 6 Mkr instead of 5 Mkr for co-occurring conditions (pot still 200 Mkr), what would Jämtland receive?', ['SEK 6,937,216']],
    [['Hur mycket fick Jämtland för samsjuklighet 2020?', 'och Dalarna?', 'vad är skillnaden då?'], ['1 446 227,92 kr'], ['6 635 082,09']],
    // 002: no key for the 200 Mkr suicide prevention pot; asked "in the same proportions": 2 533 016,95 × 250 / 200 = 3 166 271,19.
    ['If the national suicide-prevention pot in 2020 had been 250 Mkr, split in the same proportions, what would Jämtland have got?', ['SEK 3,166,271.19', 'Estimate']],
    ['Om den nationella suicidpotten 2020 vore 250 mkr, vad skulle Jämtland få?', ['Jag kan inte räkna fram det', 'samma proportioner'], ['3 166 271']],
    // 002: brukarmedverkan 24 Mkr, Jämtland 1 000 000; the same principle with 30 Mkr: 1 000 000 × 30 / 24 = 1 250 000.
    ['Om brukarmedverkanspotten 2020 hade varit 30 mkr med samma princip (storstadslänen dubbelt), hur mycket skulle Jämtland fått?', ['1 250 000 kr']],
    // 002: the four national pots 2020 (200 + 24 + 200 + 150 Mkr) = 574 Mkr; brukarmedverkan 24 Mkr.
    ['hur mycket totalt fördelades till länen 2020, alla fyra posterna ihop?', ['574 000 000 kr']],
    // 002: a remainder of 120 Mkr instead of 95 Mkr is a pot of 120 + 21 × 5 = 225 Mkr; Jämtland 5 000 000 + 1 203 183,05 / 95 × 120 = 6 519 810,17.
    ['Under the 2020 key, if the population-based remainder of the co-occurring-conditions pot had been 120 Mkr instead of 95 Mkr, what would Jämtland get in total?', ['SEK 6,519,810.17', 'SEK 225,000,000'], ['SEK 6,203,183', 'You write that the pot']],
    ['How many Mkr went to the counties for user involvement in 2020, nationally?', ['SEK 24 million']],
    ['Under the 2020 key, what is the fixed base Gotland gets for co-occurring conditions?', ['I could not find', '5 Mkr per län']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('two dates asked in one question', () => {
  // 004: "Våren 2018 startade en ny utbildning … 25 medarbetare … blir färdig med sin utbildning i november 2018";
  // "en handlingsplan bör finnas under våren 2019"; "November 2017 gavs en temadag …", "I november 2018 planeras ytterligare en temadag".
  it.each<Case>([
    ['When did the new university course in care coordination start in 2018, and when do the participants finish?', ['spring 2018', 'November 2018']],
    ['When was the decision taken to appoint a suicide prevention coordinator in Dalarna, and by when should an action plan exist?', ['May 2018', 'spring 2019']],
    ['temadagen om efterlevandestöd vid suicid – när var den och är det en till planerad?', ['november 2017', 'november 2018']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('a date asked about one statement', () => {
  it.each<Case>([
    // 004 (2018 plan): "bilda en ny region från den 1 januari 2019" — the plan's year names the document.
    ['When was the new Region Dalarna formed, according to the 2018 plan?', ['1 January 2019'], ['May 2018']],
    // 000: "den nationella satsningen som sker vecka 41": the week asked for meets the statement given by week.
    ['When is the national week for mental health?', ['week 41'], ['from 2015']],
    // 004: "Nationella riktlinjerna för vård och stöd vid missbruk och beroende som kom den 21 april 2015", asked in English.
    ['When were the national guidelines on addiction care published?', ['21 April 2015']],
  ])('%s', (...test) => {
    check(test);
  });

  it.each([
    'When was the Fontänhus in Falun opened?',
    'när träffas nätverket för anhörigkonsulenter?',
  ])('says "%s" has no date in the documents rather than listing other dates or quoting a passage without one', (question) => {
    const reply = converse([question]);
    expect(reply.kind).toBe('unknown');
    expect(reply.rows).toEqual([]);
    expect(visible(reply)).not.toMatch(/citat|quote/i);
  });
});

describe('the national pots and their keys', () => {
  // 002 "Bakgrund": "200 Mkr fördelas till länen för suicidprevention"; samsjuklighet "fördelningsnyckel
  // 5 Mkr per län och resten fördelat efter befolkningsmängd".
  it.each<Case>([
    // "Medlen fördelas med 1 Mkr per län förutom de tre storstadslänen som får vardera 2 Mkr": a kind of county
    // the key names is answered by the key, never by a ranking ("störst" is not in "storstadslän").
    ['hur mycket får storstadslänen i brukarmedel 2020?', ['de tre storstadslänen 2 Mkr'], ['Falun får mest']],
    ['How much of the national 2020 agreement goes to the counties for suicide prevention?', ['SEK 200 million', 'Sweden'], ['Dalarna or Jämtland']],
    ['How are the 2020 samsjuklighet funds distributed between counties nationally?', ['SEK 5 million per county and the rest by population'], ['Calculation: .']],
    // Dalarna's samsjuklighet 2020 is 7 649 410,97 (001); under the key 5 Mkr of it is the base, 2 649 410,97 by population.
    ['hur mycket får Dalarna i bas för samsjuklighet 2020?', ['5 000 000 kr i bas', '2 649 410,97 kr'], ['Dalarna 2020: 7 649 410,97 kr –']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('amounts asked in other words', () => {
  // 001 (Dalarna 2020, "1. Belopp"): Leksand 459 849; Säter 323 040 = 215 359,83 + 107 679,92;
  // Ludvika 260 875,72 kunskapsbaserad. 003: Sydost brukarmedverkan 300 000 + 14 253, suicidprevention 1 000 000 + 1 425 859.
  it.each<Case>([
    ['leksand tilldelning 2020', ['459 849 kr']],
    ['Orsa bidrag 2020?', ['201 173 kr']],
    ["What's Säter's development-initiatives (action plan) part in 2020?", ['SEK 215,359.83'], ['SEK 323,040 –']],
    ['Ludvika knowledge-based part?', ['260 875,72'], ['782 627']],
    ['Sydost user involvement beyond base?', ['SEK 14,253'], ['SEK 300,000']],
    ['What does Sydost get for suicide prevention on top of the base amount in 2023?', ['SEK 1,425,859'], ['SEK 1,000,000']],
    ['Which Skåne sub-region has the largest population-based co-morbidity amount?', ['Nordväst', 'SEK 2,206,699']],
    ['Hur mycket används till skånegemensamt utvecklingsarbete?', ['4 mkr']],
    ['Totalt Skåne, länsgemensamma medel till delregionerna 2023?', ['42 645 244 kr']],
    // 000: "drygt 18 mkr", its parts 7 621 404 + 1 000 000 + 5 518 744 + 3 878 680.
    ['Vad blir de länsgemensamma medlen för Dalarna 2022 sammanlagt, exakt?', [`${(7_621_404 + 1_000_000 + 5_518_744 + 3_878_680).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`]],
    // 004: "Länet består av 15 kommuner med en folkmängd på 286 393 invånare." The words naming the source are not searched for.
    ['Hur många invånare har Dalarna enligt 2018 års rapport?', ['286 393']],
    ['How many people live in Dalarna according to the 2018 analysis?', ['286,393']],
    // 001: Hedemora 449 703; "avrundat" asks for the same amount, rounded as the table prints it.
    ['Hedemora 2020, avrundat?', ['449 703 kr'], ['Jag hittar inte']],
    // 001: Falun 1 726 309 the most, Vansbro 197 452 the least of the 15.
    ['Vilken kommun i Dalarna får mest och vilken får minst 2020?', ['Falun får mest', 'Vansbro får minst', '197 452 kr']],
    // 002: "150 Mkr fördelas till länen för ungdomsmottagningar"; Jämtland 1 800 956,91 of them is 1,2 %.
    ['Hur stor andel av de 150 mkr till ungdomsmottagningar fick Jämtland 2020?', ['1,2 %', 'den nationella potten'], ['15,6 %']],
    // The pot said has its own year: 200 Mkr for suicidprevention is 2020's; Dalarna 5 577 707,31 of it is 2,8 %.
    ['vad är Dalarnas andel av 200 mkr för suicidprevention?', ['2,8 %', '2020'], ['30,6 %']],
    // A place that holds the last one is the whole: Nordost 6 115 364 of Skåne's 42 645 244 (003) is 14,3 %.
    [['Hur mycket får Nordost totalt 2023?', 'hur stor andel av Skåne totalt är det?'], ['Nordost får 14,3 %']],
    // A follow-up's "of that" is the amount just given: Nordost 2023, suicide prevention by population 2 646 478 (003).
    [['How much does Nordost get in total in 2023?', 'how much of that is the population-based suicide prevention part?'], ['SEK 2,646,478'], ['Which place do you mean']],
    // 003 has 2023 only: an amount asked for 2022 is not answered by a passage that names "2022–2023".
    ['Vad fick delregionerna i Skåne 2022?', ['Jag hittar inte'], ['handlingsplan']],
    // 003: "Länsgemensamt utvecklingsarbete 250 000kr per Maria mottagningar"; "development work" is not a fund.
    ['How much does each Maria clinic get for joint development work?', ['250 000 kr per Maria mottagning'], ['Which place do you mean']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('places counted, and places over or under an amount', () => {
  // 001 "Medel till kommunerna" 2020: 15 rows; over 500 000: Falun 1 726 309, Borlänge 1 526 386, Ludvika 782 627,
  // Avesta 674 017, Mora 593 461; under 300 000: Gagnef 299 754, Malung-Sälen 293 242, Älvdalen 204 342, Orsa 201 173,
  // Vansbro 197 452. 003: six sub-regions, three over 8 mkr (Nordväst 9 669 681, Malmö 9 583 978, Mellersta 8 422 551).
  it.each<Case>([
    ['hur många kommuner finns i Dalarna?', ['Dalarna har 15 kommuner', 'Vansbro']],
    ["How many sub-regions are in Skåne's distribution model?", ['Skåne has 6 sub-regions']],
    ['hur många kommuner i Dalarna får mer än 500 000 kr 2020?', ['5 av 15 får mer än 500 000 kr', 'Mora 593 461 kr'], ['Leksand']],
    ['Which municipalities in Dalarna get less than SEK 300,000 in 2020?', ['5 of 15 get less than SEK 300,000', 'Gagnef SEK 299,754'], ['Säter']],
    ['vilka delregioner i Skåne får över 8 mkr?', ['3 av 6 får mer än 8 000 000 kr'], ['Nordost 6 115 364']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('the bases of every fund together', () => {
  // 003: "varje delregion får 1mkr i bas … 1 mkr … 0,3 mkr": 1 000 000 + 300 000 + 1 000 000 per sub-region.
  it.each<Case>([
    ['hur stor är basen per delregion i Skåne?', ['Varje delregion får 2 300 000 kr', '300 000 kr för stärkt brukarmedverkan']],
    ['how much is the base per sub-region in Skåne?', ['Each sub-region gets SEK 2,300,000']],
    // All six together: 6 × 2 300 000 = 13 800 000.
    ['hur mycket är baspengarna totalt till delregionerna i Skåne?', ['13 800 000 kr', '6 × 2 300 000 kr'], ['42 645 244']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('short and abbreviated ways to ask', () => {
  it.each<Case>([
    // A field named to be left out is not the field asked (003: "Fakturan ska innehålla: Fullständigt och korrekt kundnamn; …").
    ['vad måste stå med på fakturan förutom referenskoden?', ['Fullständigt och korrekt kundnamn', 'Plusgiro/bankgiro']],
    ['what else must be on the invoice besides the reference code?', ['Plusgiro/bankgiro']],
    // "dalakommunerna" together are the 15 municipalities of 001 (8 366 562), not Dalarna's county-wide funds.
    ['summa alla dalakommuner 2020', ['8 366 562 kr'], ['18 172 239']],
    // 001: Mora 593 461 − Leksand 459 849 = 133 612; ungdomsmottagningar Dalarna 3 945 120,95 (2020), 3 878 680 (2022, 000).
    ['diff Orsa Leksand 2020', ['258 676 kr']],
    ['ungdomsmott dalarna 2020 och 2022, skillnad?', ['66 440,95 kr'], ['153 411']],
    ['Hedemora 2020 pls', ['449 703']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('changes between years', () => {
  // 001: Dalarna county-wide 2020 18 172 239; 000 (2022) "drygt 18 mkr", its parts 7 621 404 + 1 000 000 +
  // 5 518 744 + 3 878 680. Suicidprevention 5 577 707,31 (2020) and 5 518 744 (2022).
  const parts2022 = 7_621_404 + 1_000_000 + 5_518_744 + 3_878_680;
  const fall = (18_172_239 - parts2022).toLocaleString('sv-SE').replace(/\u00a0/g, ' ');
  it.each<Case>([
    ['Hur mycket mindre fick Dalarna totalt 2022 jämfört med 2020?', [`minskade beloppet med ${fall} kr`, '18 018 828 kr'], ['18 mkr (ungefärligt)']],
    ['hur mycket ändrades Dalarnas länsgemensamma medel mellan 2020 och 2022?', [`minskade beloppet med ${fall} kr`], ['18 mkr (ungefärligt)']],
    ["Did Dalarna's total joint county funds go up or down between 2020 and 2022?", ['decreased', 'SEK 18,018,828']],
    ['Ökade eller minskade Dalarnas suicidpreventionsmedel från 2020 till 2022?', ['minskade beloppet med 58 963,31 kr']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('shares of the national pot', () => {
  // 001: Dalarna ungdomsmottagningar 2020 3 945 120,95; 002: 150 Mkr nationally → 2,6 %.
  it.each<Case>([
    ['What share of the national 150 Mkr for youth clinics did Dalarna get in 2020?', [`${((3_945_120.95 / 150_000_000) * 100).toFixed(1)}%`, 'national pot']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('shares', () => {
  it.each<Case>([
    // 5 577 707,31 / 18 172 239 = 30,69 %.
    ['Hur stor andel av Dalarnas länsgemensamma medel 2020 går till suicidprevention?', ['30,7 %', '5 577 707,31 kr', '18 172 239 kr']],
    // 2 533 016,95 / 11 537 156,91 = 21,955 %.
    ["What share of Jämtland's 2020 total is suicide prevention?", ['22.0%']],
    // 197 820,18 / 593 461 = 33,33 %.
    ['Hur många procent av Moras belopp 2020 är kunskapsbaserad vård?', ['33,3 %']],
    // Base 2 300 000 / 6 115 364 = 37,61 %.
    ['Hur stor andel av Nordosts summa är basbelopp?', ['37,6 %']],
    // Malmö 9 583 978 of the sub-regions' printed 42 645 244 = 22,47 %.
    ['Hur stor andel av delregionernas pengar i Skåne får Malmö?', ['22,5 %']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('shares of several places together, and of an item in its fund', () => {
  it.each<Case>([
    // 001: Falun 1 726 309 + Borlänge 1 526 386 of the 15 municipalities' 8 366 562 is 38,9 %.
    ['Falun och Borlänge tillsammans, hur stor andel av kommunernas medel 2020?', ['Falun och Borlänge får tillsammans 38,9 %']],
    // 003: "Traumamedveten Omsorg 70 000kr" of Skånegemensamt 4 mkr is 1,8 %; MHFA 600 000 of 4 mkr is 15,0 %.
    ['hur stor andel av skånegemensamt är traumamedveten omsorg?', ['1,8 %', '70 000 kr / 4 mkr']],
    ['andelen MHFA-utbildning av det skånegemensamma?', ['15,0 %']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('which fund of a place gets the most', () => {
  it.each<Case>([
    // Dalarna 2022 (000): samsjuklighet 7 621 404 is the largest of the four.
    ['Vilket område fick mest länsgemensamma medel i Dalarna 2022?', ['Stärkt samverkan för personer med samsjuklighet får mest', '7 621 404 kr']],
    // Jämtland 2020: brukarmedverkan 1 000 000 is the smallest.
    ["Which of Jämtland's 2020 purposes got the least money?", ['gets the least', 'SEK 1,000,000']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('real places the documents do not cover', () => {
  it.each<Case>([
    ['Hur mycket får Gävleborg för suicidprevention 2020?', ['Jag hittar inte några belopp för Gävleborgs län'], ['5 577 707', '2 533 016']],
    ['Hur mycket får Västerbotten för brukarmedverkan 2023?', ['Västerbottens län'], ['26 454', 'Vilken plats menar du']],
    ['Vad får Kiruna?', ['Kiruna kommun (Norrbottens län)'], ['593 461']],
    ['How much does Värmland get?', ['I could not find any amounts for Värmlands län']],
    ['Hur mycket får Dalarna och Värmland tillsammans 2020?', ['Värmlands län'], ['18 172 239 kr (beräknat']],
    ['Vem är kontaktperson i Uppsala län?', ['Jag hittar inte något om Uppsala län']],
  ])('%s', (...test) => {
    const reply = check(test);
    expect(reply.kind).toBe('unknown');
  });
});

describe('what no document records is said so, with no figure', () => {
  // Malmö 2023 9 583 978 (003), Mora 2020 593 461 (001): allocations, not what was spent, will come or is best.
  it.each<Case>([
    ['hur mycket har Mora gjort av med hittills?', ['Jag hittar inte det i dokumenten', 'använts'], ['593 461']],
    ['How much of its 2023 money has Malmö spent so far?', ['I could not find that in the documents', 'spent'], ['9,583,978']],
    ['kommer Orsa att få mer nästa år?', ['framtida belopp'], ['201 173']],
    ['Vilken delregion i Skåne gör bäst nytta med pengarna?', ['värderingar'], ['9 583 978']],
    ['what does the suicide prevention coordinator in Dalarna earn?', ['salaries']],
    // The documents' own words are still questions about the documents.
    ['vad innebär bästa tillgängliga kunskap?', ['(citat)'], ['värderingar']],
  ])('%s', (...test) => {
    const reply = check(test);
    if (!test[0].includes('bästa tillgängliga')) expect(reply.kind).toBe('unknown');
  });
});

describe('an address asked for is not a request to send, and a period of use is a date', () => {
  it.each<Case>([
    // 002 names Jan Persson without an e-mail address.
    ['email to Jan Persson?', ['Jan Persson'], ['I cannot send']],
    ['send an email to Jan Persson', ['I cannot send']],
    // 003: "Observera att medlen ska användas under 2023".
    ['Which period must the Skåne funds be used in?', ['2023'], ['SEK 42,645,244']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('questions that only look like forecasts or focus areas', () => {
  // A rule about keeping money is not a forecast, and "what happens if" is not a list of focus areas.
  it.each<Case>([
    ['får man spara pengarna till nästa år?', [], ['framtida belopp']],
    ['vad händer om vi inte använder pengarna?', [], ['3.3 En mer sammanhållen']],
    // A count is not answered by an item's cost (003: "MHFA instruktörsutbildning 600 000kr") nor by a
    // percentage of a post (000: "anställd om 50 %").
    ['hur många personer har utbildats i MHFA per år?', [], ['600 000 kr']],
    ['How many MHFA instructors were trained in Dalarna in 2022?', [], ['50 %']],
    // Members of a group the documents do not list are not a fund's focus areas.
    ['vilka ingår i länsnätverket?', ['Jag hittar inte'], ['3.3 En mer sammanhållen']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('requests to act are declined, saying what the bot does', () => {
  it.each<Case>([
    ['Kan du rekvirera våra medel åt oss från SKR?', ['Jag kan inte']],
    ['Can you invoice Skånes Kommuner for us?', ['I cannot']],
    ['Boka ett möte med samordnarna i Jämtland på fredag', ['Jag kan inte boka möten']],
    ['kan du skicka ett mejl till kontaktpersonen i Sydost?', ['Jag kan inte skicka e-post']],
    ['Please submit our invoice to Skånes Kommuner', ['I cannot submit invoices']],
  ])('%s', (...test) => {
    const reply = check(test);
    expect(reply.kind).toBe('unknown');
  });

  it('still answers a question that only asks to be sent information', () => {
    check(['Skicka mig referenskoden för Skåne', ['854877']]);
  });
});

describe('what if', () => {
  it('estimates with the document model, and never gives the actual figure as the answer', () => {
    // 003: each sub-region 1 000 000 kr base for suicidprevention; Malmö's population part 5 052 438 of
    // 20 008 132 kr. With 25 mkr: 1 000 000 + 19 000 000 × 5 052 438 / 20 008 132 = 5 797 865,29 → 5 797 865 kr.
    const exact = 1_000_000 + (19_000_000 * 5_052_438) / 20_008_132;
    const expected = `${Math.round(exact).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`;
    const reply = check(['Om potten för suicidprevention i Skåne vore 25 mkr, hur mycket skulle Malmö få?', [expected, 'Uppskattning']]);
    expect(reply.figure?.replace(/\s/g, ' ')).toBe(expected);
  });

  it('says what is missing when the documents give no key for it', () => {
    // 002 "Bakgrund": "200 Mkr fördelas till länen för suicidprevention", with no key.
    const reply = check(['Om suicidpreventionspotten 2020 vore 300 mkr, vad skulle Jämtland få?', ['Jag kan inte räkna fram det'], ['2 533 016']]);
    expect(reply.figure).toBeUndefined();
  });
});

describe('follow-ups take from the conversation only what they leave unsaid', () => {
  it.each<Case>([
    // 001: Orsa 201 173 + Älvdalen 204 342; 003: Nordost 6 115 364 + Sydost 4 355 627.
    [['Vad fick Orsa kommun 2020?', 'och Älvdalen?', 'vad blir det tillsammans?'], [`${(201_173 + 204_342).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`]],
    [['Hur mycket får Nordost totalt 2023?', 'och Sydost?', 'vad blir det tillsammans?'], ['10 470 991 kr']],
    // A complete question does not inherit the year of the one before: Mora has amounts only for 2020.
    [['Hur mycket får Dalarna 2022?', 'Hur mycket får Mora?'], ['593 461 kr'], ['Jag hittar inte']],
    [['Hur mycket får Mora 2020?', 'och Falun?'], ['1 726 309 kr']],
    [['Hur mycket får Dalarna för suicidprevention 2022?', 'och 2020?'], ['5 577 707,31 kr']],
    // Nothing is carried from a turn that was not answered.
    [['Hur mycket får Mora 2020?', 'Hur mycket får Värmland?', 'och Orsa?'], ['201 173 kr']],
    // The figure just given is a term: Mora 593 461 − Orsa 201 173 = 392 288; Falun 1 726 309 − Mora = 1 132 848.
    [['Hur mycket får Mora 2020?', 'hur mycket mer än Orsa är det?'], ['392 288 kr', '593 461 kr', '201 173 kr']],
    [['How much does Mora get in 2020?', 'how much less than Falun was that?'], ['SEK 1,132,848']],
    // The same subject against a new place, then both added up: 593 461 + 201 173 = 794 634.
    [['How much does Mora get in 2020?', 'how much less than Falun was that?', 'and compared with Orsa?'], ['SEK 392,288'], ['SEK 1,525,136']],
    [['Hur mycket får Mora 2020?', 'och jämfört med Orsa?', 'vad blir de tillsammans?'], ['794 634 kr']],
    // The figure just given keeps its fund and year as a term: samsjuklighet 2020, Dalarna 7 649 410,97 (001) −
    // Jämtland 6 203 183,05 (002) = 1 446 227,92.
    [['Hur mycket fick Dalarna för samsjuklighet 2020?', 'hur mkt mer än Jämtland är det?'], ['1 446 227,92 kr'], ['18 172 239']],
    // A share of the figure just given: 593 461 of the 15 municipalities' 8 366 562 (001) is 7,1 %.
    [['Hur mycket får Mora 2020?', 'hur stor andel av länet är det?'], ['7,1 %'], ['Det här står i dokumentet']],
  ])('%s', (...test) => {
    check(test);
  });
});

describe('the question frame', () => {
  const frame = (text: string) => understand(text, {}, store);

  it('holds every place named, in order, the operation and the funds', () => {
    const u = frame('Jämtland samsjuklighet + suicidprevention 2020 summerat');
    expect([u.operation, u.funds, u.places.map((match) => match.place.id)]).toEqual(['sum', ['samsjuklighet', 'suicidprevention'], ['jamtland']]);
    expect(frame('Vem får mest, Mora eller Avesta?')).toMatchObject({ operation: 'compare', intent: 'list' });
    expect(frame('Hur stor andel av Nordosts summa är basbelopp?')).toMatchObject({ operation: 'share', part: 'base' });
  });

  it('tells a real uncovered place, an action and a person from amounts', () => {
    expect(frame('Hur mycket får Gävleborg?').uncovered.map((match) => match.code)).toEqual(['21']);
    expect(frame('Hur mycket får Mora?').uncovered).toEqual([]);
    expect(frame('Boka ett möte nästa tisdag').action).toBe('book');
    expect(frame('Vem får mest 2020?').asks).not.toBe('person');
    expect(frame('Who won the football World Cup in 2022?').intent).not.toBe('contact');
    expect(frame('Vem är samordnare i Jämtland?').asks).toBe('person');
  });
});
