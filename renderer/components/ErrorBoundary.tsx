import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

type State = { error: Error | null };

/** A page that fails shows what happened and a way back, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出错了 / This page failed"
        subTitle={this.state.error.message}
        extra={<Button onClick={() => this.setState({ error: null })}>重试 / Retry</Button>}
      />
    );
  }
}
