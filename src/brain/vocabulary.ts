// The words that tell what is asked. Patterns run on folded text (lower case, no diacritics).
import type { InvoiceField } from './context.js';

export const INVOICE_FIELDS: [InvoiceField, RegExp][] = [
  ['referenceCode', /\breferens ?kod\w*|\breference ?code|\breferens ?nummer|\bref ?kod/],
  ['gln', /\bgln\b/],
  ['costCentre', /\bkostnadsst\w*|\bcost ?cent(re|er)s?\b/],
  ['recipientReference', /\b(skanes kommuner referens|var referens|er referens|referensperson|their reference|whose reference|reference person)\b/],
  ['paymentTerms', /\bbetalningsvillkor\w*|\bbetalningstid\w*|\bpayment terms?\b/],
  ['heading', /\brubrik\w*|\bheading\b|\binvoice title\b/],
  ['address', /adress\w*|address\w*|\bvart skickas fakturan|\bwhere (do i|to|should i) send\b/],
  ['channel', /\binexchange\b|\be-?faktura\w*|\belektronisk faktura|\be-?invoic\w*|\belectronic invoic\w*/],
  ['required', /\binformationskrav\w*|\bvad (ska|maste|behover) (sta|finnas|med|vara med|sta med) (pa|i) fakturan|\bkrav pa fakturan|\brequired (fields|information)|\bwhat (else )?must (be on|the invoice)|\bmust be (on|in) the invoice|\bshould the invoice (include|contain)/],
  // "vem bestämmer vilken part som fakturerar", "who decides which party invoices": who requisitions.
  ['requisition', /\brekvir\w*|\brequisition\w*|\b(vilken|which) (part|party|aktor|actor|organisation|organization)\b.*\b(fakturer\w*|invoic\w*|claims?)\b|\b(vem|who) (beslutar|bestammer|decides|chooses)\b.*\b(fakturer\w*|invoic\w*)\b/],
  // Asked often, never in the documents: answered with an honest "not found".
  ['bankDetails', /\b(bankgiro\w*|plusgiro\w*|organisationsnummer\w*|orgnr|org nr|momsnummer|momsregistreringsnummer|vat number|bank account|bankkonto\w*|iban)\b/],
];

export const INVOICE = /\bfaktur\w*|\binvoic\w*|\bbilling\b/;
export const DEADLINE =
  /\b(nar|senast|sista dag\w*|deadline\w*|datum|due|when|pa gang|kommande|upcoming|next|nasta|fristen?|frister|tidsfrist\w*|last day|slutredovisning\w*|lagesrapport\w*|redovis\w*|aterredovis\w*|aterrapport\w*|final report|status report|reporting|report due|still|vilken period|what period|which period|(used|spent) (in|by|during)|be used by|forbrukade?|nyttjas|ska anvandas (under|senast|fore))\b/;
/** "kan vi fakturera i juni?": a month named is a question about dates. */
export const MONTH = /\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|august|october|december)\b/;
/** "får vi …?", "vad krävs …?": questions about rules, answered from the text. */
export const RULES = /^(far vi|kan vi|maste vi|ska vi|behover vi|far man|kan man|can we|may we|must we|do we|are we|is it allowed)\b|^(far|kan|maste|can|may|must|could) ([\w-]+ ){1,4}(anvanda|anvandas|bekosta|finansiera|spara|overfora|flytta|use|spend|fund|save|transfer|carry over)\b|\b(kravs|kraver|krav|requirements?|required|tillatet|allowed)\b/;
/** "kommunerna i Dalarna", "länen": all the places of a kind. */
export const CHILDREN = /\b(\w*kommunernas|\w*kommunerna|\w*kommuners|\w*kommuner|lanen|delregionernas|delregionerna|delregioners|delregioner|municipalities|counties|sub-?regions)\b/;
/** "både … och", "both … and": two things asked at once. */
export const BOTH = /\b(bade|bada|both)\b/;
export const TOGETHER = /\b(totalt|sammanlagt|tillsammans|sammantaget|summa|summan|summera\w*|total|together|combined|altogether|sum)\b/;
export const COVERAGE = /\b(finns med|har du (data|uppgifter|information)|kanner du till|vet du nagot om|do you (have|know)|data for|covered|cover)\b/;
export const UPCOMING = /\b(pa gang|kommande|upcoming|next|nasta|framover|coming)\b/;
export const DEADLINE_KINDS: [string, RegExp][] = [
  ['finalReport', /\bslutredovisning\w*|\bfinal report\w*|\bredovisning\w*|\bredovisa\w*|\baterrapport\w*|\baterredovis\w*/],
  ['statusReport', /\blagesrapport\w*|\bstatus report\w*|\bprogress report\w*/],
  ['invoicing', /\bfaktur\w*|\binvoic\w*/],
  ['useOfFunds', /\b(anvand\w*|nyttja\w*|forbruka\w*|spend\w*|use[ds]?|used up)\b/],
];
export const UNSUBSCRIBE = /\b(avsluta\w* (min |mina |var |vara )?(prenumeration\w*|bevakning\w*|paminnelse\w*)|avprenumerer\w*|sluta (bevaka|paminna|prenumerera)\w*|unsubscribe\w*|stop (the )?(reminders|following|watching|subscription))\b/;
export const MY_SUBSCRIPTIONS = /\b(mina (prenumerationer|bevakningar|paminnelser)|vilka (prenumerationer|bevakningar)|my subscriptions|list (my )?subscriptions|which subscriptions)\b/;
export const SUBSCRIBE = /\b(prenumerer\w*|bevaka\w*|paminn\w* (mig|oss)|skicka paminnelse\w*|subscribe\w*|remind (me|us)|notify (me|us)|follow)\b/;
export const CONTACT = /\b(vem|vilken person|kontakt\w*|who|whom|contact\w*|e-?post|mejl\w*|e-?mail\w*|samordnar\w*|coordinator\w*|coordinates|coordinating|koordinator\w*|sammankallande|ordforande|conven\w*|chair(man|woman|person)?|ansvarig\w*|responsible|representant\w*|representera\w*|represent\w*|foretrad\w*|telefon\w*|phone\w*|eftertrad\w*|ersatte|replaced|successor|predecessor)\b/;
/** The words that make "vem"/"who" a question about a person rather than about amounts. */
export const CONTACT_NOUN = /\b(kontakt\w*|contact\w*|e-?post\w*|mejl\w*|mail\w*|e-?mail\w*|telefon\w*|phone\w*|samordnar\w*|coordinator\w*|coordinates|coordinating|sammankallande|ansvarig\w*|responsible|representant\w*|representative\w*|represent\w*|foretrad\w*|koordinator\w*|ordforande|conven\w*|chair(man|woman|person)?|deltagare|medlem\w*|members?|participants?|eftertrad\w*|ersatte|replaced|successor|predecessor|person\w*|chef\w*|ledare|leder|utvecklingsledare|tog over|took over|anstall\w*|hired|hanterar|har hand om|ansvarar|handles?|manages?|administers?|runs)\b/;
/** "mejladress", "e-postadress", "email address": a person's e-mail, not the invoice address. */
export const EMAIL_ADDRESS = /\b(e-?post|mejl|mail|e-?mail) ?-?adress\w*|\b(e-?mail|mail) address\w*/g;
/** Which detail of a contact is asked for. */
export type ContactDetail = 'email' | 'phone' | 'address' | 'organisation' | 'name';
export const CONTACT_DETAILS: [ContactDetail, RegExp][] = [
  ['email', /\b(e-?post\w*|mejl\w*|mail\w*|e-?mail\w*)\b/],
  ['phone', /\b(telefon\w*|tel|tfn|mobil\w*|mobile|phone\w*|ringa|call|nummer|number)\b/],
  ['address', /\b(post)?adress\w*|\baddress\w*/],
  ['organisation', /\b((vilken|vilket|which|what|whose) (organisation|organization|arbetsplats|employer|verksamhet)|arbetsplats\w*|arbetsgivare\w*|jobbar|arbetar (hon|han|de) (pa|for|i)|works? (for|at)|employer|employed by)\b/],
  ['name', /\b(namn\w*|heter|name[ds]?|called)\b/],
];

export const KEY =
  /\b(varfor|why|fordelningsnyckel\w*|nyckel\w*|fordela\w*|fordelning\w*|fordelat|berakn\w*|raknades|raknas|raknat|hur kom\w* .* fram|distribution key|(the|its|their|which|what s the|allocation) key|distribut\w*|calculat\w*|comput\w*|how was|how were|how is .* split|derivation|formula|split)\b/;
export const LIST =
  /\b(vilka (kommuner|delregioner|lan|regioner|orter|platser)|vilken (kommun|delregion|region)|alla (kommuner|delregioner|lan)|mest|minst|storst|storsta|storste|minst\w*|lagst\w*|hogst\w*|jamfor\w*|ranking|topp?\w*(?<!\bon top)(?! of\b)|lista\w*|rangordna\w*|which (municipalities|municipality|sub-?regions?|counties|county|places)|what (counties|places|regions)|all (municipalities|sub-?regions|counties)|most|least|largest|smallest|highest|lowest|compare\w*|rank\w*|list|kommunerna|lanen|delregionerna)\b/;
export const MOST = /\b(mest|storst|storsta|storste|hogst\w*|most|largest|highest|biggest|top(?! of\b))\b/;
export const LEAST = /\b(minst\w*|lagst\w*|least|smallest|lowest)\b/;
export const FOCUS =
  /\b(fokusomrade\w*|inriktning\w*|aktivitet\w*|insats\w*|prioriterade? omrade\w*|malomrade\w*|anvand\w*|vad (ska|gors|gor|gar|foreslas|bor|planeras)( .*)? (med|for|till)|ga till|ska goras|gors for|tanken|syftet|focus areas?|activit\w*|vad ingar|ingar i|vad omfattar|exempel pa (aktiviteter|insatser)|examples?|what does .* include|included in|measures?|planned|priority areas?|target areas?|(used|spent|meant) for|meant to (cover|achieve|fund|support|do)|supposed to (cover|achieve|fund|support|do|be used)|intended (for|to)|aimed at|spend\w* on|do with|use\b.* for|anvandas (till|for)|anvanda\b.* (till|for))\b|\bwhat (are|is)\b.*\bfor$/;
/** "Vilka områden ska medlen fördelas inom?": the areas asked for, however the money is split. */
export const FOCUS_AREAS = /\b(vilka|which|what)( \w+){0,3} (omraden|areas|prioriteringar|priorities)\b|\b(examples?|exempel|target areas?|malomraden|insatsomraden)\b/;
/** "Vad får varje delregion i bas?": the amount of each place of a kind, not of the one named. */
export const EACH_PLACE = /\b(varje|var och en av|each|every|per) (\w+ )?(delregion\w*|kommun\w*|sub-?regions?|municipalit\w*|lan|lanen|county|counties)\b/;
export const COST_OR_COUNT = /\b(kostar|kostade|dyr|dyrt|dyra|expensive|kostnad\w*|hur manga|antal\w*|andel av|hur stor andel|procent|how many|number of|cost\w*|share of|percent\w*|inhabitants?|invanare|befolkning|population)\b/;
export const WHAT_IS = /\b(vad ar|vad betyder|vad innebar|vad gor|vad hander|beratta om|forklara|what is|what are|whats|what s|what does|what happens|tell me about|explain)\b/;
export const AMOUNT =
  /\b(hur (mycket|mkt)|hur stor\w*|\w*belopp\w*|pengar\w*|summa\w*|kronor|kr|far|fick|fatt|tilldela\w*|tilldelning\w*|sammanlag\w*|bidrag\w*|anslag\w*|erhall\w*|medel|andel|storlek|omfattning|stimulansmedel\w*|statsbidrag\w*|how much|how big|amount\w*|money|funds?|funding|gets?|getting|got|gotten|receives?|receiving|received|allocat\w*|share|sek|size|total\w*|pott\w*|pot|pots)\b/;
export const HELP = /\b(hjalp|help|vad kan (du|jag)|what can (you|i)|hur funkar|hur anvander jag|how do i use|how does (this|it) work|kommandon|commands|instruktion\w*|exempel pa fragor|example questions)\b/;
export const GREETING = /^(hej\w*|halla|tjena|tja|god (morgon|dag|kvall|eftermiddag)|hello|hi|hey|good (morning|afternoon|evening)|tack\w*|thanks?|thank you)\b/;
export const FOLLOW_UP = /^(och|and|samma|same|hur ar det med|what about|how about|an|men|but|deras|dess|their|its|hans|hennes)\b/;
export const KOMMUN = /\bkommun\w*|\bmunicipalit\w*/;

/** Words that carry no subject: left over after everything known is removed, they mean nothing. */
export const STOP_WORDS = new Set(
  `exakt exakta exact exactly sammanlagt sammantaget hur mycket mkt far fick fatt vad nar vilken vilka vilket vem och ar att ska skall kan finns till for med om pa det den de som jag vi mina min mig du ni er era sin sina
  kommun kommunen kommuner kommuns lan lanet region regionen belopp beloppet pengar pengarna medel medlen summa summan totalt total kronor kr ar aret i av fran
  den detta denna dessa har hade blir blev bli enligt gallande galler angaende om mer mest minst alla hela ocksa aven da sa nu just bara vara var varit the a an
  of for to in on at by is are was were be been does do did get gets got how much many what when which who whom where why and or with from about money amount
  amounts funds fund municipality county region year years sek please tack thanks snalla hej hello hi visa show me tell berätta beratta kan du could would
  nagot nagon nagra some any there det star stod star skrivet pls plz snabbt quickly avrundat avrundad avrundas avrundning rounded rounding`.split(/\s+/),
);

// What is done with the figures: one value, or a calculation over several.
/** "tillsammans", "ihop", "plus", "+": the amounts added up. */
/** "lägg till Ludvika", "ta med Orsa också", "add Orsa too": more places for the sum just given. */
export const ADD_MORE = /\b(lagg till|lagg pa|lagg ihop med|ta med|rakna med|inkludera|och med|add|adding|include|plus)\b/;
/** "hur mycket mer än Malmö?", "how much less than Orsa?": set against the figure just given. */
export const MORE_THAN_OPENING = /^(och |and |ok |okej |so )?(hur mycket|hur mkt|how much) (mer|mindre|more|less) (an|than)\b/;
/** "vad ska redovisningen belysa", "what must the report include": the content of something, not its date. */
export const CONTENT_OF = /^(vad|vilka|vilket|what|which)\b.*\b(ska|skall|bor|maste|behover|should|must|needs? to)\b.*\b(belysa|belysas|innehalla|innehalla|beskriva|beskrivas|ta upp|tas upp|omfatta|framga|redogora for|include|contain|cover|describe|address)\b/;
/** "Jag är nyanställd samordnare i Älvdalen", "I'm the new coordinator in Säter": who asks, not who is asked for. */
export const SELF_INTRO = /\b(jag ar|jag jobbar som|jag arbetar som|i m|im|i am|i work as|my name is|jag heter)( \w+)?( (den|en|the|a|an))?( (ny|nya|nyanstalld|nyanstallda|new|newly hired|newly appointed))? (samordnare|coordinator|kontaktperson|contact person|controller|ekonom|economist|projektledare|project lead\w*|project manager|handlaggare|officer|chef|manager)\b/g;
/** "alla fyra posterna", "samtliga potter", "all four pots": every pot the documents give for the country. */
export const ALL_POTS = /\b(alla|samtliga|all|de|the) (\w+ )?(poster\w*|potter\w*|pots)\b/;
export const SUM_OP = /\b(tillsammans|ihop|sammanlagt|sammantaget|summer\w*|summa|plus|combined|together|altogether|in total|sum|added up|add up)\b|\+/;
/** "skillnad", "hur mycket mer": one amount minus another. */
export const DIFFERENCE_OP = /\b(skillnad\w*|skiljer|skilja\w*|differ\w*|differens\w*|difference|diff|hur mycket (mer|mindre|storre|hogre|lagre)|how much (more|less|bigger|larger|higher|lower|smaller)|hur manga (fler|farre)|how many (more|fewer)|fler an|farre an|mer an|mindre an|more than|less than|minus|okade|okat|okning\w*|minskade|minskat|minskning\w*|forandr\w*|andrades|andrats|increased?|decreased?|grew|fell|dropped|changed?)\b/;
/** "vem får mest, X eller Y", "X vs Y", "jämfört med": two amounts set side by side. */
export const COMPARE_OP = /\b(jamfor\w*|jamfort|kontra|versus|vs|compare\w*|compared|mer eller mindre|more or less|eller|or)\b/;
/** "hur stor andel", "hur många procent", "what share": a part of a whole. */
export const SHARE_OP = /\b(hur stor andel|hur stor del av|hur stor del|vilken andel|how big a (share|part)|what part|andel av|hur manga procent|procent|procentuell\w*|what share|which share|share of|what percentage|percentage|percent|proportion)\b|\bandel(en)? (\S+ ){1,3}av (de|det|den|hela)\b|^(\S+ )?andel(en)? (\S+ ){1,3}av\b|\bas a (share|percentage|proportion) of\b/;
/** "hur stor andel", "what share of": a share asked in so many words, never a difference's percentage. */
export const SHARE_NAMED = /\b(hur stor andel|vilken andel|andel(en)? av|andel(en)? (\S+ ){1,3}av|what share|which share|share of|what percentage of|percentage of|proportion of)\b/;
/** "i procent", "kr och %", "in percent": a difference also (or only) as a percentage of the other figure. */
export const PERCENT = /\b(procent\w*|percent\w*|procentuell\w*|relativ\w*|relative(ly)?)\b|%/;
/** "i kr och procent", "in SEK and percent": the difference in kronor asked for as well. */
export const IN_KRONOR = /\b(kr|kronor|sek|belopp\w*|amount)\b/;
/** "hur många gånger mer", "how many times as much": one amount over the other. */
export const RATIO_OP = /\b(hur manga ganger|how many times|ganger (mer|mindre|storre|sa mycket|sa stor\w*|hogre)|times (as much|more|as large|as big|bigger|larger|higher|the amount)|ratio|kvot\w*|multipel)\b/;
/** "totalt inkl de skånegemensamma 4 mkr", "in total including": a total with a fund added that it may not hold. */
export const INCLUDING = /\b(inkl|inklusive|inberaknat|medraknat|including|incl|plus|raknar med|raknat med|raknas med|tar med|tas med|counting|counted in)\b/;
/** "… än Orsa är det?", "… than Orsa was that?": the figure of the last answer, as a term of a calculation. */
export const REFERS_TO_LAST = /\b(det|detta|den|dess|that|this|it|its)\b/;
/**
 * What the documents never record, asked in a question that may otherwise look answerable: what has
 * been spent so far, what will come, an opinion, a salary. Asked, it is said plainly; no figure is given.
 */
export const UNRECORDED: [Unrecorded, RegExp][] = [
  ['spending', /\b(gjort av med|forbrukat\w*|spenderat\w*|har (vi |de |ni |dom )?(anvant|gjort av)|har anvants|hittills|spent|so far|to date|have used|has used|already used|utfall\w*)\b/],
  ['forecast', /\b(nasta ar|kommande ar\w*|next year|coming years?|in the future|framover|framtiden|kommer (vi|de|ni|dom|[a-z]+) (att )?fa|will (we|they|[a-z]+) get|prognos\w*|forecast\w*|predict\w*|forutsag\w*|forutspa\w*)\b/],
  ['opinion', /\b(tror du|tycker du|do you think|in your opinion|din asikt|your view|samst|worst|(bast|basta|best)(?! (tillgangliga|available|mojliga|possible|ungdomsregion))|battre an|better than|vart det|worth it)\b/],
  // Not "lön och administration", an item of Jämtland's 2020 budget: a person's pay.
  ['salary', /\b(tjanar|earns?|earning|salary|salaries|wages?|manadslon\w*|arslon\w*|timlon\w*|lonen for|lon for (en|den|dom|de))\b/],
];
export type Unrecorded = 'spending' | 'forecast' | 'opinion' | 'salary';

/** "Hur många kommuner finns i Dalarna?", "How many sub-regions are in Skåne's model?": a count of places. */
export const HOW_MANY_PLACES = /\b(hur manga|how many|antal(et)?|number of)\s+(\w+\s+)?(kommuner|delregioner|delregionala samverkansorgan|samverkansorgan|sub-?regions?|subregions|municipalities|lan|counties)\b/;

/** "förutom referenskoden", "besides the GLN": a field named to be left out of what is asked. */
export const EXCEPT_FIELD = /\b(forutom|utover|utom|besides|except( for)?|apart from|other than) (\w+ ){0,1}\w+/g;
/** "Vilka orter får förstärkta mottagningar?": places that do something; with money words it asks for amounts. */
export const WHICH_PLACES = /\b(vilka|vilken|which|what) (orter|ort|kommuner|kommun|platser|plats|places|towns|municipalities)\b/;
export const MONEY_OR_RANK = /\b(belopp\w*|pengar\w*|medel|medlen|kr|kronor|mkr|sek|mest|minst|storst\w*|hogst|lagst|most|least|largest|smallest|amounts?|money|funds?|funding)\b/;
/** "Vad händer om vi inte använder pengarna?": a consequence, asked of the documents' text. */
export const CONSEQUENCE = /\b(vad hander om|what happens if|what if we don t|om vi inte)\b/;
/** "Vilka ingår i länsnätverket?", "who are the members of …": a group's members. */
export const MEMBERS = /\b(vilka|vem|who)\b.{0,20}\b(ingar|sitter|ar med|members?)\b/;
/** "mer än 500 000 kr", "more than SEK 1 million" and "under 300 000": a side of an amount. */
export const ABOVE = /\b(mer an|over|mer|more than|above|minst|at least)\s+(sek\s+)?\d/;
export const BELOW = /\b(mindre an|under|less than|below|hogst|at most)\s+(sek\s+)?\d/;
/** "När kommer vi att få pengarna?" (a date), "får man spara till nästa år?" (a rule): not forecasts. */
export const NOT_A_FORECAST = /\b(nar|when|datum|date|far (man|vi|ni|de|dom)|kan (man|vi|ni)|may we|can we|allowed|tillatet|spara|fora over|carry over|save)\b/;

/** "Vem beslutar om fördelningen?", "who approves the plan?". */
export const WHO_DECIDES = /\b(vem|vilka|vilken|who|which)\b.*\b(beslutar|besluta|beslutade|bestammer|bestamde|fattar beslut\w*|godkanner|godkande|faststaller|decides?|decided|approves?|approved)\b/;

/** Words that make a change of an amount ("20 % mer", "doubled") hypothetical: "om", "if", "skulle", "would". */
export const CONDITIONAL = /\b(om|if|tank om|anta|antag|suppose|say|skulle|would|hade|vore|were)\b/;
/** "om potten vore 25 mkr", "what would X get if": a figure the documents do not have, under other terms. */
export const WHATIF_OP = /\b(om (potten|summan|basen|beloppet|medlen|plats|vi|det|de)\b.*\b(vore|var|hade|blev|skulle)|skulle .* fa om|vad skulle|hur mycket skulle|if (the|we|it|they|plats)\b.*\b(were|was|had|would)|what would|how much would|hypothetical\w*|scenario\w*)\b|\bom \w*(potten|summan|basen|beloppet|medlen|pengarna)\b.*\b(vore|var|ar|blir|blev|hade|varit|skulle vara)\b.*\d|\bvore\b|\bif\b.*\bwere\b|\b(i stallet for|istallet for|instead of)\s+(sek\s+)?\d|\b(med|with|en|a) (en |a )?(ny |annan |new |another |different )?(pott|pot|budget) (pa|of) \d|\b(raknas|raknades|raknat) om\b|\b(recalculat|recomput)\w*|\bom\b[^?]*\b(var|blev|blir|hade varit)\s+(sek\s+)?\d|\bif\b[^?]*\b(was|is|had been)\s+(sek\s+)?\d|^om\b.*\b(hade|skulle|delats|delades|fordelats|fordelades|tillkom\w*)\b|^if\b.*\b(had|would)\b/;
/** "uppdelat", "per del", "breakdown": the parts of a figure. */
export const BREAKDOWN = /\b(uppdelat|uppdelning\w*|per del|delarna|fordelat pa|breakdown|broken down|split by|by part|parts?)\b/;
/** The parts of a base-plus-share row: the fixed base and the share by population. */
export const BASE_PART = /\b(bas|basen|basbelopp\w*|baspeng\w*|basmedl\w*|basmedel|grundbelopp\w*|grundsumm\w*|fast del\w*|fasta delen|fast belopp\w*|fasta beloppet|base|base amount|fixed part|fixed amount|fixed sum|flat amount|basic amount)\b/;
/** "per län", "varje region", "each county": what every county gets, a parameter of a national key. */
export const EACH_COUNTY = /\b(varje|per|each|every|a) (lan|region|county)\b/;
export const POPULATION_PART = /\b(rorlig\w*|befolkningsdel\w*|efter befolkning|befolkningsbaserad\w*|invanarbaserad\w*|utover basen|inte basen|utan bas\w*|exklusive bas\w*|exkl\.? bas\w*|forutom bas\w*|bortsett fran bas\w*|population[- ]based|by population|variable part|(beyond|on top of|above|over and above|in addition to) (the )?base|ovanpa basen|over basen|utover bas\w*|excluding the base|excl\.? (the )?base|without the base|apart from the base|not the base)\b/;
/** "bas+befolkning", "base plus population share", "både bas och rörlig del": both parts, so the fund's whole figure. */
export const BASE_AND_SHARE = /\b(bas|basen|basbelopp\w*|base|base amount)( (och|plus|and|with|samt|\+))? (den |the )?(befolkning\w*|befolkningsdel\w*|rorlig\w*|population( share| part| based part)?|variable( part)?|share)\b/;
/** "inklusive basbeloppet", "including the base": the whole fund, base and share together. */
export const WITH_BASE = /\b(inklusive|inkl|including|incl|plus|med|with) (the )?bas(en|belopp\w*|e)?\b|\bbas(en|belopp\w*)? (inraknad\w*|inkluderad\w*|medraknad\w*|included)\b/;
/** "innan befolkningsdelen", "before the population part": the base, the part before the share. */
export const BEFORE_SHARE = /\b(innan|fore|before|prior to) (the )?(befolkningsdel\w*|rorlig\w* del\w*|population (part|share)|variable part)\b/;
/** Words around a part asked for ("både bas och rörlig del"): they name no subject. */
export const PART_WORDS = /^(bada|bade|both|del|delen|delar|part|parts|rorlig|rorliga|fasta|fast|inte|not|only|bara|enbart|exclusive|excluding|utan)$/;
/** Requests to act: the bot only answers, it books, sends and submits nothing. */
export const ACTIONS: [Action, RegExp][] = [
  ['book', /\b(boka\w*|book\w*|schedule\w*|planera in|kalla till)\b.*\b(mote\w*|meeting\w*|tid|call|samtal)\b|\b(boka|book|schedule)\b/],
  // "email to Jan Persson?" asks for an address; "mejla Jan Persson", "send an email to Jan" ask to act.
  ['send', /^(kan du |could you |can you |please |snalla )?(skicka|mejla|maila|e-?posta|send|email|e-mail|mail|forward|vidarebefordra)\b(?! (mig|oss|me|us|to|till|for|adress\w*|address\w*)\b)(?!\s*\?)(?=.*\s\S)|\b(kan du|kan ni|could you|can you|would you|please) (skicka|mejla|maila|send|email|mail|ringa|call|forward)\b(?! (mig|oss|me|us)\b)/],
  ['submit', /\b(skicka in|lamna in|submit\w*|file (our|the|my)|fyll i|fill in|registrera|register)\b.*\b(faktur\w*|invoic\w*|rapport\w*|report\w*|ansokan|application)\b|\b(fakturera|invoice) (at|for) (oss|mig|us|me)\b|\bsubmit\b|\b(kan du|kan ni|could you|can you|would you|please|snalla) (rekvirera|fakturera|betala|betala ut|ansoka om|soka|overfora|requisition|claim|pay|pay out|apply for|invoice|transfer)\b/],
  ['edit', /^(kan du |could you |can you |please |snalla )?(andra|uppdatera|radera|ta bort|lagg till|change|update|delete|remove|edit)\b.*\b(beloppet|belopp|siffran|dokumentet|fakturan|amount|figure|document|invoice|deadline\w*)\b/],
];
export type Action = 'book' | 'send' | 'submit' | 'edit';
