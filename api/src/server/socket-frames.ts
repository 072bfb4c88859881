import type { WebSocket } from 'ws';
import type { FrameTarget } from './shared-subscribe.js';

/**
 * One subscription's `next` frames on its socket, written as graphql-ws would write them (the
 * graphql-transport-ws message, id first), around a payload already serialised once for every
 * socket that shares it. Past `maxBuffered` bytes waiting in the socket, the subscription is told to
 * wait; it is woken when the frame that crossed the line has been handed to the kernel.
 */
export class SocketFrames implements FrameTarget {
  private readonly prefix: string;

  constructor(
    private readonly socket: WebSocket,
    id: string,
    private readonly maxBuffered: number,
  ) {
    this.prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  }

  write(json: string, drained: () => void): boolean {
    // Closing: graphql-ws ends the subscription when the socket's close arrives.
    if (this.socket.readyState !== this.socket.OPEN) return true;
    const frame = this.prefix + json + '}';
    if (this.socket.bufferedAmount + frame.length <= this.maxBuffered) {
      this.socket.send(frame);
      return true;
    }
    this.socket.send(frame, () => drained());
    return false;
  }
}
