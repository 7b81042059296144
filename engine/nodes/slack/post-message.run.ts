import { postSlackSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';

/**
 * Renders the message; the Slack connector posts it (connectors/slack/) through the bot token
 * when a channel is named, else through the account's incoming webhook.
 */
export const postSlackNode = defineNodeType(postSlackSpec, async ({ params, render }) => {
  const channel = (await render(params.channel)).trim();
  const text = (await render(params.text)).trim();
  if (text === '') throw new Error('the message rendered empty');
  return {
    status: 'done',
    port: 'out',
    input: { ...(channel ? { channel } : {}), text },
    output: { ...(channel ? { channel } : {}), characters: text.length },
    intents: [{ kind: 'slack.post', account: params.account, channel, text }],
  };
});
