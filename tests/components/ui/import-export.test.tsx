// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportButton, ImportFileButton } from '@/components/ui/ImportExport';

afterEach(() => {
  cleanup();
});

const fileInput = () => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
};

describe('ImportFileButton', () => {
  it('hands the picked file’s text over and empties the input for the next pick', async () => {
    const user = userEvent.setup();
    const onText = vi.fn(() => Promise.resolve());
    const onPick = vi.fn();
    render(<ImportFileButton label="Import" onText={onText} onFailed={vi.fn()} onPick={onPick} testId="pick" />);
    await user.upload(screen.getByTestId('pick'), new File(['{"a":1}'], 'a.json', { type: 'application/json' }));
    await waitFor(() => expect(onText).toHaveBeenCalledWith('{"a":1}'));
    expect(onPick).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(fileInput().value).toBe(''));
  });

  it('reports a handler that fails, with its reason', async () => {
    const user = userEvent.setup();
    const onFailed = vi.fn();
    render(<ImportFileButton label="Import" onText={() => Promise.reject(new Error('disk full'))} onFailed={onFailed} />);
    await user.upload(fileInput(), new File(['x'], 'x.json', { type: 'application/json' }));
    await waitFor(() => expect(onFailed).toHaveBeenCalledWith('disk full'));
  });

  it('is reached by its label', () => {
    render(<ImportFileButton label="Import file" onText={vi.fn()} onFailed={vi.fn()} />);
    expect(screen.getByLabelText('Import file')).toBe(fileInput());
  });
});

describe('ExportButton', () => {
  it('downloads a text at hand within the click', async () => {
    const user = userEvent.setup();
    const download = vi.fn();
    render(<ExportButton label="Export" filename={() => 'out.json'} text={() => '[1]'} download={download} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(download).toHaveBeenCalledWith('out.json', '[1]');
  });

  it('downloads a text read from storage, and reports one that cannot be read', async () => {
    const user = userEvent.setup();
    const download = vi.fn();
    const onFailed = vi.fn();
    render(
      <>
        <ExportButton label="Good" filename={() => 'good.json'} text={() => Promise.resolve('{}')} download={download} onFailed={onFailed} />
        <ExportButton label="Bad" filename={() => 'bad.json'} text={() => Promise.reject(new Error('locked'))} download={download} onFailed={onFailed} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Good' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith('good.json', '{}'));
    await user.click(screen.getByRole('button', { name: 'Bad' }));
    await waitFor(() => expect(onFailed).toHaveBeenCalledWith('locked'));
    expect(download).toHaveBeenCalledTimes(1);
  });
});
