import { browser } from 'wxt/browser';
import { createAccountService } from '@/utils/account/account-service';
import { restrictStorageToExtension } from '@/utils/account/storage';
import { createBitlyClient } from '@/utils/bitly/client';
import { createMessageRouter } from '@/utils/message-router';

export default defineBackground(() => {
  void restrictStorageToExtension();

  const account = createAccountService({
    clientFor: (token) => createBitlyClient({ baseUrl: __BITLY_API_BASE__, token }),
  });

  const router = createMessageRouter(
    {
      getAccount: () => account.getState(),
      saveToken: ({ token }) => account.saveToken(token),
      signOut: () => account.signOut(),
    },
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
  );
  browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
});
