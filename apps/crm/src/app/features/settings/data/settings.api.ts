import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BotDefaultLanguage,
  BotSettings,
  ChannelStatus,
  CreateTemplate,
  MessageTemplate,
  TemplateList,
  UpdateBotSettings,
  UpdateTemplate,
} from '@switchboard/contracts/types';
import { firstValueFrom, type Observable } from 'rxjs';

const TEMPLATES = '/api/channels/templates';

/** The admin settings' REST routes: channel status, bot settings (`botRoutes`) and the template catalogue. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  channelStatus(): Observable<ChannelStatus> {
    return this.http.get<ChannelStatus>('/api/channels/status');
  }

  /** `language`: the default texts' language, while no admin has saved the settings. */
  botSettings(language: BotDefaultLanguage): Promise<BotSettings> {
    return firstValueFrom(this.http.get<BotSettings>('/api/bot/settings', { params: { language } }));
  }

  saveBotSettings(settings: UpdateBotSettings): Promise<BotSettings> {
    return firstValueFrom(this.http.put<BotSettings>('/api/bot/settings', settings));
  }

  templates(): Promise<TemplateList> {
    return firstValueFrom(this.http.get<TemplateList>(TEMPLATES));
  }

  createTemplate(template: CreateTemplate): Promise<MessageTemplate> {
    return firstValueFrom(this.http.post<MessageTemplate>(TEMPLATES, template));
  }

  updateTemplate(id: string, patch: UpdateTemplate): Promise<MessageTemplate> {
    return firstValueFrom(this.http.patch<MessageTemplate>(`${TEMPLATES}/${id}`, patch));
  }

  deleteTemplate(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${TEMPLATES}/${id}`));
  }
}
