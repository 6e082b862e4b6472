import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  assignConversationSchema,
  createConversationSchema,
  listConversationsQuerySchema,
  messagesQuerySchema,
  postMessageSchema,
  readUpToSchema,
  type AssignConversation,
  type Conversation,
  type ConversationCounts,
  type ConversationPage,
  type CreateConversation,
  type ListConversationsQuery,
  type Message,
  type MessagePage,
  type MessagesQuery,
  type TokenClaims,
  roleGroups,
} from '@switchboard/contracts';
import type { z } from 'zod';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { ZodPipe } from '../common/validation/zod.pipe';
import { ConversationsService } from './services/conversations.service';
import { MessagesService } from './services/messages.service';
import { ReadReceiptsService } from './services/read-receipts.service';
import { uuidParam } from '../common/validation/uuid-param';

@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly reads: ReadReceiptsService,
  ) {}

  /** 201 for a new conversation, 200 with the existing one for a known externalRef. */
  @Post()
  @Roles(...roleGroups.inbox)
  async create(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(createConversationSchema)) body: CreateConversation,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Conversation> {
    const { conversation, created } = await this.conversations.create(caller, body);
    res.status(created ? 201 : 200);
    return conversation;
  }

  @Get()
  @Roles(...roleGroups.inbox)
  list(
    @Caller() caller: TokenClaims,
    @Query(new ZodPipe(listConversationsQuerySchema)) q: ListConversationsQuery,
  ): Promise<ConversationPage> {
    return this.conversations.list(caller, q);
  }

  // Before ':id', which would take "counts" for an id.
  @Get('counts')
  @Roles(...roleGroups.inbox)
  counts(@Caller() caller: TokenClaims): Promise<ConversationCounts> {
    return this.conversations.counts(caller);
  }

  @Get(':id')
  @Roles(...roleGroups.participants)
  get(@Caller() caller: TokenClaims, @Param('id', uuidParam) id: string): Promise<Conversation> {
    return this.conversations.get(caller, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...roleGroups.inbox)
  assign(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(assignConversationSchema)) body: AssignConversation,
  ): Promise<Conversation> {
    return this.conversations.assign(caller, id, body.agentId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...roleGroups.inbox)
  close(@Caller() caller: TokenClaims, @Param('id', uuidParam) id: string): Promise<Conversation> {
    return this.conversations.close(caller, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...roleGroups.inbox)
  reopen(@Caller() caller: TokenClaims, @Param('id', uuidParam) id: string): Promise<Conversation> {
    return this.conversations.reopen(caller, id);
  }

  @Get(':id/messages')
  @Roles(...roleGroups.participants)
  history(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Query(new ZodPipe(messagesQuerySchema)) q: MessagesQuery,
  ): Promise<MessagePage> {
    return this.messages.history(caller, id, q);
  }

  @Post(':id/messages')
  @Roles(...roleGroups.participants)
  async post(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(postMessageSchema)) body: z.output<typeof postMessageSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Message> {
    const { message, duplicate } = await this.messages.send(caller, { ...body, conversationId: id });
    res.status(duplicate ? 200 : 201);
    return message;
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...roleGroups.participants)
  read(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(readUpToSchema)) body: { upToSeq: number },
  ) {
    return this.reads.markRead(caller, id, body.upToSeq);
  }
}
