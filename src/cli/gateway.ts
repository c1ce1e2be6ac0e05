import { withNode } from '../composition.js';
import { FieldSenders } from '../services/field-senders.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

export const gatewayCommand: Command = {
  summary: 'register an SMS gateway (prints its token once)',
  help: `Usage: diboli gateway add --data DIR --name NAME

Registers an SMS gateway that relays field messages to POST /api/v1/field/sms with the token
printed here (Authorization: Bearer TOKEN). The token is shown once; the node keeps only its hash.
The message language, the JSON and form bodies a gateway may post and the replies are in
docs/field-messages.md. Phone numbers are bound to users with \`diboli user phone\`.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...NODE_FLAGS, name: { type: 'string' } });
    if (positionals[0] !== 'add') throw new UsageError('expected: add');
    if (!values.name) throw new UsageError('add needs --name');
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'gateway', async () => {
      return withNode(config, async (node) => {
        const gateway = await new FieldSenders(node).addGateway(values.name!);
        io.stdout(`Gateway ${gateway.name} added. Its token (shown once, keep it in the gateway's settings):\n${gateway.token}\n`);
        return 0;
      });
    });
  },
};
