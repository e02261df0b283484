// Every text the coordinator feature shows, in Swedish and English. Button titles are the issue's own.
import type { Lang } from '../brain/format.js';

export interface CoordinatorTexts {
  askCoordinator: string;
  take: string;
  send: string;
  ticketTitle: string;
  askedBy: (name: string, when: string) => string;
  botAnswered: string;
  why: string;
  takenBy: (name: string, when: string) => string;
  answerPlaceholder: string;
  answerRequired: string;
  answeredBy: (name: string, when: string) => string;
  answerLabel: string;
  alreadyAnswered: (name: string, when: string) => string;
  alreadyTaken: (name: string) => string;
  emptyAnswer: string;
  deliveryFailed: string;
  sentTitle: string;
  sentText: string;
  answerTitle: (name: string) => string;
  answerFrom: (name: string, when: string) => string;
  yourQuestion: string;
  channelRegistered: string;
  channelMoved: string;
  channelUnchanged: string;
  channelRemoved: string;
  channelNotThis: string;
  channelNone: string;
  channelOnly: string;
  noChannel: string;
  notSentTitle: string;
  notSent: string;
  /** Why the bot's answer did not do, by reply kind; a thumbs down says so instead. */
  reasons: { unknown: string; clarify: string; thumbsDown: (comment: string | undefined) => string; other: string };
}

export const TEXTS: Record<Lang, CoordinatorTexts> = {
  sv: {
    askCoordinator: 'Fråga en samordnare',
    take: 'Jag tar den',
    send: 'Skicka svar',
    ticketTitle: 'Fråga till samordnarna',
    askedBy: (name, when) => `Från ${name}, ${when}`,
    botAnswered: 'Botten svarade',
    why: 'Varför',
    takenBy: (name, when) => `Tagen av ${name} (${when})`,
    answerPlaceholder: 'Skriv ditt svar till frågeställaren',
    answerRequired: 'Skriv ett svar först.',
    answeredBy: (name, when) => `Besvarad av ${name} (${when})`,
    answerLabel: 'Svar',
    alreadyAnswered: (name, when) => `Frågan var redan besvarad av ${name} (${when}). Ditt svar skickades inte; det första svaret gäller.`,
    alreadyTaken: (name) => `${name} har redan tagit frågan.`,
    emptyAnswer: 'Svaret var tomt och skickades inte.',
    deliveryFailed: 'Svaret är sparat men kunde inte levereras till frågeställaren än.',
    sentTitle: 'Frågan är skickad',
    sentText: 'Din fråga har skickats till samordnarna. Du får svaret här i chatten när någon av dem har svarat.',
    answerTitle: (name) => `Svar från ${name}`,
    answerFrom: (name, when) => `Det här svaret kommer från samordnaren ${name} (${when}), inte från dokumenten.`,
    yourQuestion: 'Din fråga',
    channelRegistered: 'Klart: frågor till samordnare skickas hit till den här kanalen.',
    channelMoved: 'Klart: frågor till samordnare skickas nu hit i stället för till den förra kanalen.',
    channelUnchanged: 'Den här kanalen tar redan emot frågor till samordnare.',
    channelRemoved: 'Klart: den här kanalen tar inte längre emot frågor till samordnare.',
    channelNotThis: 'Den här kanalen tar inte emot frågor till samordnare; det gör en annan kanal.',
    channelNone: 'Ingen kanal tar emot frågor till samordnare just nu.',
    channelOnly: 'Skriv det i den kanal i ett team som ska ta emot frågorna, och nämn mig där.',
    noChannel: 'Det finns ingen kanal för frågor till samordnare ännu.',
    notSentTitle: 'Frågan kunde inte skickas',
    notSent: 'Frågan kunde inte skickas till samordnarna just nu. Försök igen om en stund.',
    reasons: {
      unknown: 'Dokumenten innehåller inte svaret.',
      clarify: 'Botten förstod inte säkert vad som frågades.',
      thumbsDown: (comment) => (comment ? `Frågeställaren tyckte inte att svaret hjälpte: ”${comment}”` : 'Frågeställaren tyckte inte att svaret hjälpte.'),
      other: 'Frågeställaren ville ha svar av en samordnare.',
    },
  },
  en: {
    askCoordinator: 'Ask a coordinator',
    take: "I'll take it",
    send: 'Send answer',
    ticketTitle: 'Question for the coordinators',
    askedBy: (name, when) => `From ${name}, ${when}`,
    botAnswered: 'The bot answered',
    why: 'Why',
    takenBy: (name, when) => `Taken by ${name} (${when})`,
    answerPlaceholder: 'Write your answer to the person who asked',
    answerRequired: 'Write an answer first.',
    answeredBy: (name, when) => `Answered by ${name} (${when})`,
    answerLabel: 'Answer',
    alreadyAnswered: (name, when) => `The question was already answered by ${name} (${when}). Your answer was not sent; the first answer stands.`,
    alreadyTaken: (name) => `${name} has already taken the question.`,
    emptyAnswer: 'The answer was empty and was not sent.',
    deliveryFailed: 'The answer is saved but could not be delivered to the person who asked yet.',
    sentTitle: 'Your question has been sent',
    sentText: 'Your question has been sent to the coordinators. You will get the answer here in this chat when one of them has answered.',
    answerTitle: (name) => `Answer from ${name}`,
    answerFrom: (name, when) => `This answer comes from the coordinator ${name} (${when}), not from the documents.`,
    yourQuestion: 'Your question',
    channelRegistered: 'Done: coordinator questions will be posted to this channel.',
    channelMoved: 'Done: coordinator questions will now be posted here instead of the previous channel.',
    channelUnchanged: 'This channel already receives coordinator questions.',
    channelRemoved: 'Done: this channel no longer receives coordinator questions.',
    channelNotThis: 'This channel does not receive coordinator questions; another channel does.',
    channelNone: 'No channel receives coordinator questions at the moment.',
    channelOnly: 'Write that in the team channel that should receive the questions, and mention me there.',
    noChannel: 'There is no channel for coordinator questions yet.',
    notSentTitle: 'The question could not be sent',
    notSent: 'The question could not be sent to the coordinators just now. Please try again in a while.',
    reasons: {
      unknown: 'The documents do not hold the answer.',
      clarify: 'The bot was not sure what was asked.',
      thumbsDown: (comment) => (comment ? `The person who asked found the answer unhelpful: “${comment}”` : 'The person who asked found the answer unhelpful.'),
      other: 'The person who asked wanted an answer from a coordinator.',
    },
  },
};
