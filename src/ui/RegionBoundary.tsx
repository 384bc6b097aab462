import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface RegionBoundaryProps {
  /** What the region shows, for the message: "the log", "the steps". */
  label: string;
  children: ReactNode;
}

interface RegionBoundaryState {
  error: Error | null;
}

/**
 * Keeps a crash inside one region of a page: that region shows what failed and a way to try
 * again, the rest of the page keeps working. Data an upstream sends can be stranger than any
 * component expects; one odd field must never blank the whole screen.
 */
export class RegionBoundary extends Component<RegionBoundaryProps, RegionBoundaryState> {
  state: RegionBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): RegionBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the console; the operator reads the alert.
    console.warn(`Jobscope: ${this.props.label} crashed`, error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  /**
   * Code loaded on first use (a tab, the wrap mode) can fail to download; the browser keeps
   * that failure for the page's lifetime, so only a reload can fetch it again.
   */
  private readonly reload = () => window.location.reload();

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title={`Could not show ${this.props.label}`}
        role="alert"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error.message || 'An unexpected error occurred.'}</Text>
          {isChunkLoadError(error) ? (
            <Button size="xs" variant="light" color="red" onClick={this.reload}>
              Reload the page
            </Button>
          ) : (
            <Button size="xs" variant="light" color="red" onClick={this.reset}>
              Try again
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
}

/** Chromium, Firefox and Safari's words for a dynamic import whose file did not arrive. */
export function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
    error.message,
  );
}
