import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SearchField } from './search-field';

describe('SearchField', () => {
  it('sends one trimmed search once typing settles, not one per key', async () => {
    const onSearch = vi.fn();
    const user = userEvent.setup();
    render(<SearchField label="Search contacts" value="" onSearch={onSearch} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), ' 98765 ');
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith('98765'));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it('does not type an old search back over one changed elsewhere (the back button)', async () => {
    const onSearch = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<SearchField label="Search" value="" onSearch={onSearch} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'asha');
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith('asha'));
    rerender(<SearchField label="Search" value="asha" onSearch={onSearch} />);
    rerender(<SearchField label="Search" value="" onSearch={onSearch} />);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });
});
