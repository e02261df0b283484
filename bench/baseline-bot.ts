// The bare stack as a baseline: botbuilder CloudAdapter on restify, empty credentials, replying to
// every message with a fixed ~3 KB Adaptive Card. What the machine can do before any answering.
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

const facts = Array.from({ length: 12 }, (_, i) => ({ title: `Källa ${i + 1}`, value: `Dokument ${i + 1}: avsnitt ${i + 1}.${i + 1}, uppdaterad 2024-0${(i % 9) + 1}-15` }));
const card = {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Svar från kunskapsbasen', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', wrap: true, text: 'Mora får 593 461 kr för 2020: 395 640,36 kr för utvecklingsinsatser utifrån handlingsplaner och 197 820,18 kr för kunskapsbaserad och säker hälso- och sjukvård och socialtjänst. '.repeat(4) },
    { type: 'FactSet', facts },
  ],
  actions: [{ type: 'Action.Submit', title: 'Visa källa', data: { verb: 'showSource' } }],
};

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
class FixedCardBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), 'Mora får 593 461 kr för 2020.'));
      await next();
    });
  }
}
const bot = new FixedCardBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => console.log(`baseline listening ${server.url}`));
