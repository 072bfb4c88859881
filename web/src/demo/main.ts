/**
 * The demo page embeds the widget exactly as a customer's site would: one script tag with the
 * campaign id. The API redirects /demo to /demo?campaign=<first campaign>.
 */
const campaignId = new URLSearchParams(window.location.search).get('campaign')?.trim();
const status = document.getElementById('demo-status');

if (campaignId) {
  const script = document.createElement('script');
  script.src = '/widget.js';
  script.dataset.campaign = campaignId;
  document.body.appendChild(script);
  if (status) status.textContent = `Campaign ${campaignId}: open the chat with the button at the bottom right.`;
} else if (status) {
  status.textContent = 'No campaign given: open this page as /demo?campaign=<campaignId>.';
}

// A module, so its names stay out of the page's global scope.
export {};
