// The API's JSON for a draft: the whole ImportDraftView, plus `recommendations` in the shape the API
// documents for a new import (text, span, suggested theme and sectors, related items).
import { z } from 'zod';
import type { ImportDraftView } from './draft-types';

export function draftToJson(view: ImportDraftView) {
  return {
    ...view,
    recommendations: view.items.map((item) => ({
      key: item.key,
      text: item.text,
      start: item.start,
      end: item.end,
      themeId: item.themeId,
      sectorIds: item.sectorIds,
      suggestedThemeId: item.suggestion?.themeId ?? null,
      suggestedSectorIds: item.suggestion?.sectors.map((sector) => sector.id) ?? [],
      related: item.suggestion?.related.map(({ id, code, score }) => ({ id, code, score })) ?? [],
    })),
  };
}

/** For the OpenAPI document: the documented part of the shape (the rest is ImportDraftView). */
export const importDraftJsonSchema = z.object({
  id: z.string(),
  version: z.int(),
  status: z.enum(['DRAFT', 'CONFIRMED', 'DISCARDED']),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  sourceFileName: z.string().nullable(),
  sourceFormat: z.enum(['pdf', 'docx', 'txt', 'paste']),
  sourceText: z.string(),
  seminar: z.object({
    title: z.string(),
    kind: z.string().nullable(),
    date: z.string().nullable(),
    venue: z.string().nullable(),
    organiser: z.string().nullable(),
  }),
  recommendations: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      start: z.int().nullable(),
      end: z.int().nullable(),
      themeId: z.string().nullable(),
      sectorIds: z.array(z.string()),
      suggestedThemeId: z.string().nullable(),
      suggestedSectorIds: z.array(z.string()),
      related: z.array(z.object({ id: z.string(), code: z.string(), score: z.number() })),
    }),
  ),
  items: z
    .array(z.object({ key: z.string() }).catchall(z.unknown()))
    .meta({ description: 'The items as the review screen edits them (DraftItem); send this list back in PATCH.' }),
  warnings: z.array(z.string()),
  confirmedSeminar: z.object({ id: z.string(), codePrefix: z.string() }).nullable(),
});

export const importDraftListJsonSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['DRAFT', 'CONFIRMED', 'DISCARDED']),
      title: z.string(),
      itemCount: z.int(),
      sourceFileName: z.string().nullable(),
      createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

export const confirmedImportJsonSchema = z.object({
  draftId: z.string(),
  seminar: z.object({ id: z.string(), codePrefix: z.string(), title: z.string(), date: z.iso.date() }),
  recommendations: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  links: z.int(),
});
