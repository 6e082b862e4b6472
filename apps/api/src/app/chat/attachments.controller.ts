import { Body, Controller, Get, Headers, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { z } from 'zod';
import type { Attachment, TokenClaims } from '@switchboard/contracts';
import { Caller, Public, Roles } from '../common/auth/auth.decorators';
import { bearerToken } from '../common/auth/auth.guard';
import { SessionsService } from '../common/auth/sessions/sessions.service';
import { ZodPipe } from '../common/validation/zod.pipe';
import { AttachmentsService, type UploadedFile as File } from './services/attachments.service';
import { uuidParam } from '../common/validation/uuid-param';
import { RateLimit } from '../common/rate-limit/rate-limit.guard';
import { AttachmentLinks } from './attachment-links';
import { roleGroups } from '@switchboard/contracts';

const uploadFields = z.object({ conversationId: z.uuid() });

/**
 * Uploads (multipart: `file`, `conversationId`) and downloads: with the signed URL the upload
 * returned (what messages carry, so `<img src>` works), or with a participant's bearer token.
 */
@Controller('attachments')
@Roles(...roleGroups.participants)
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly sessions: SessionsService,
    private readonly links: AttachmentLinks,
  ) {}

  @Post()
  @RateLimit('uploads')
  // Limits (MAX_UPLOAD_BYTES, one file) come from ChatModule's MulterModule.
  @UseInterceptors(FileInterceptor('file'))
  upload(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(uploadFields)) body: z.output<typeof uploadFields>,
    @UploadedFile() file: File | undefined,
  ): Promise<{ attachment: Attachment }> {
    return this.attachments.upload(caller, body.conversationId, file);
  }

  @Get(':id')
  @Public()
  async download(
    @Param('id', uuidParam) id: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    let caller: TokenClaims | null = null;
    if (!this.links.allows(id, exp, sig)) {
      caller = (await this.sessions.authenticate(bearerToken(authorization))).claims;
    }
    const file = await this.attachments.open(caller, id);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Never render an upload as a page of ours: inline only for media, else a download.
    const inline = /^(image|video|audio)\//.test(file.mimeType);
    res.setHeader(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
    res.setHeader('Cache-Control', 'private, max-age=3600');
    // DATA_DIR is often a dot-folder (./.data), which send() would hide by default.
    res.sendFile(file.path, { dotfiles: 'allow' });
  }
}
