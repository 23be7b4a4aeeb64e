// Uploading the contact-metadata sheet: a PUT of the file as multipart form data, answered with the rows applied
// and the rows rejected (by line). Afterwards the campaign's report (its by-tag table and revenue come from the
// sheet) and every contact query of the campaign are refetched.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiErrorSchema, contactMetadataResultSchema, type ContactMetadataResult } from '@domain/api-schemas';
import { ApiError, apiUrl } from '@/lib/api-client';
import { campaignKeys } from '@/lib/query-keys';

export async function uploadContactMetadata(campaignId: string, file: File): Promise<ContactMetadataResult> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(apiUrl(`/api/campaigns/${encodeURIComponent(campaignId)}/contact-metadata`), { method: 'PUT', body: form });
  } catch {
    throw new ApiError('network', 'The callboard server did not answer.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiError('http', parsed.success ? parsed.data.error : `The server answered ${response.status}.`, response.status);
  }
  const parsed = contactMetadataResultSchema.safeParse(body);
  if (!parsed.success) throw new ApiError('contract', `Unexpected answer from the server: ${parsed.error.message}`);
  return parsed.data;
}

export function useUploadContactMetadata(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadContactMetadata(campaignId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.campaign(campaignId) }),
  });
}
