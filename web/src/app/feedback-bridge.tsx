/**
 * Lets code outside React (the query cache's error handlers) use antd's themed message API.
 */
import { useEffect } from 'react';
import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

let messageApi: MessageInstance | null = null;

export function globalMessage(): MessageInstance | null {
  return messageApi;
}

export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
    return () => {
      messageApi = null;
    };
  }, [message]);
  return null;
}
