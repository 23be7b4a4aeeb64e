// Entering (or clearing, with null) a campaign's revenue as a manager: a PUT answered with the figure now in force.
// The mutation stays pending until the campaign's report has been fetched again, so the panel shows the new
// figure, and where it came from, as soon as the form closes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { managerRevenueResultSchema, type ManagerRevenueResult } from '@domain/api-schemas';
import { apiSend, apiUrl } from '@/lib/api-client';
import { campaignKeys } from '@/lib/query-keys';

export function setManagerRevenue(campaignId: string, rupees: number | null): Promise<ManagerRevenueResult> {
  return apiSend('PUT', apiUrl(`/api/campaigns/${encodeURIComponent(campaignId)}/revenue`), managerRevenueResultSchema, { rupees });
}

export function useSetManagerRevenue(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rupees: number | null) => setManagerRevenue(campaignId, rupees),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.report(campaignId) }),
  });
}
