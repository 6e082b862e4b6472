import { z } from 'zod';
import { defineRoutes } from '../common/rest-route';
import {
  assignConversationSchema,
  conversationCountsSchema,
  conversationPageSchema,
  conversationSchema,
  createConversationSchema,
  editMessageBodySchema,
  listConversationsQuerySchema,
  messagePageSchema,
  messageSchema,
  messagesQuerySchema,
  postMessageSchema,
  reactBodySchema,
  reactionsResultSchema,
  readResultSchema,
  readUpToSchema,
  widgetSessionRequestSchema,
  widgetSessionSchema,
} from './chat.schema';
import { roleGroups } from '../auth/role-groups';


export const chatRoutes = defineRoutes({
  createConversation: {
    method: 'POST', path: '/api/conversations', roles: roleGroups.inbox, status: 201,
    summary: 'Create a conversation (200 with the existing one when externalRef already has one)',
    body: createConversationSchema, response: conversationSchema,
  },
  listConversations: {
    method: 'GET', path: '/api/conversations', roles: roleGroups.inbox,
    summary: 'Conversations the caller may see, filtered (status, assignee, q, label, channel, unreadOnly) and sorted (sort)',
    query: listConversationsQuerySchema, response: conversationPageSchema,
  },
  conversationCounts: {
    method: 'GET', path: '/api/conversations/counts', roles: roleGroups.inbox,
    summary: "The inbox tabs' counts for the caller: {mine, unassigned, all, closed}", response: conversationCountsSchema,
  },
  getConversation: { method: 'GET', path: '/api/conversations/:id', roles: roleGroups.participants, summary: 'One conversation', response: conversationSchema },
  assign: {
    method: 'POST', path: '/api/conversations/:id/assign', roles: roleGroups.inbox,
    summary: 'Assign, reassign or unassign (agents may only take an unassigned one for themselves)',
    body: assignConversationSchema, response: conversationSchema,
  },
  close: { method: 'POST', path: '/api/conversations/:id/close', roles: roleGroups.inbox, summary: 'Close', response: conversationSchema },
  reopen: { method: 'POST', path: '/api/conversations/:id/reopen', roles: roleGroups.inbox, summary: 'Reopen', response: conversationSchema },
  listMessages: {
    method: 'GET', path: '/api/conversations/:id/messages', roles: roleGroups.participants,
    summary: 'Messages in ascending seq: after afterSeq, before beforeSeq, or the latest',
    query: messagesQuerySchema, response: messagePageSchema,
  },
  postMessage: {
    method: 'POST', path: '/api/conversations/:id/messages', roles: roleGroups.participants, status: 201,
    summary: 'Send a message (idempotent on clientMessageId)', body: postMessageSchema, response: messageSchema,
  },
  read: {
    method: 'POST', path: '/api/conversations/:id/read', roles: roleGroups.participants,
    summary: 'Mark read up to a seq', body: readUpToSchema, response: readResultSchema,
  },
  editMessage: { method: 'PATCH', path: '/api/messages/:id', roles: roleGroups.participants, summary: 'Edit own message', body: editMessageBodySchema, response: messageSchema },
  deleteMessage: { method: 'DELETE', path: '/api/messages/:id', roles: roleGroups.participants, summary: 'Delete own message (admins: any)', status: 204 },
  retryMessage: {
    method: 'POST', path: '/api/messages/:id/retry', roles: roleGroups.inbox,
    summary: 'Send a failed channel message again (its sender; same idempotency key)', response: messageSchema,
  },
  react: {
    method: 'POST', path: '/api/messages/:id/reactions', roles: roleGroups.participants,
    summary: 'Toggle a reaction', body: reactBodySchema, response: reactionsResultSchema,
  },
  widgetSession: {
    method: 'POST', path: '/api/widget/sessions', roles: 'public', status: 201,
    summary: 'Start a customer chat: a contact token and its conversation',
    body: widgetSessionRequestSchema, response: widgetSessionSchema,
  },
  downloadAttachment: {
    method: 'GET', path: '/api/attachments/:id', roles: 'public',
    summary: "An attachment's file: with its signed link (`exp`, `sig`: what messages carry, for <img>), or with a participant's bearer token",
  },
  uploadAttachment: {
    method: 'POST', path: '/api/attachments', roles: roleGroups.participants, status: 201,
    summary: 'Upload a file (multipart: file, conversationId)',
    response: z.object({ attachment: z.object({ url: z.string(), mimeType: z.string(), size: z.number(), name: z.string() }) }),
  },
});
