/** A web-widget customer driven over REST, for tests where only the staff page is under test. */
export interface WidgetCustomer {
  token: string;
  conversationId: string;
}

/** Starts a widget chat as `name` (what the widget's form does): a contact token and its new conversation. */
export async function startWidgetCustomer(serverUrl: string, name: string): Promise<WidgetCustomer> {
  const res = await fetch(`${serverUrl}/api/widget/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`widget session refused: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { contactToken: string; conversation: { id: string } };
  return { token: body.contactToken, conversationId: body.conversation.id };
}

let sent = 0;

/** The customer writes `content` in its conversation (a new clientMessageId each time). */
export async function customerSays(serverUrl: string, customer: WidgetCustomer, content: string): Promise<void> {
  const res = await fetch(`${serverUrl}/api/conversations/${customer.conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
    body: JSON.stringify({ clientMessageId: `customer-${++sent}`, type: 'text', content }),
  });
  if (res.status !== 201) throw new Error(`customer message refused: ${res.status} ${await res.text()}`);
}

/** The texts stored in the customer's conversation, oldest first (up to 200). */
export async function storedTexts(serverUrl: string, customer: WidgetCustomer): Promise<string[]> {
  const res = await fetch(`${serverUrl}/api/conversations/${customer.conversationId}/messages?limit=200`, {
    headers: { authorization: `Bearer ${customer.token}` },
  });
  return ((await res.json()) as { items: { content: string }[] }).items.map((m) => m.content);
}
