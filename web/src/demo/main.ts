/**
 * The demo page embeds the widget exactly as a customer's site would: one script tag with the
 * campaign id. The API redirects /demo to /demo?campaign=<first campaign>. The page's own
 * `language`, `color` and `position` parameters, when given, become the tag's optional data
 * attributes, to try them without writing a page.
 */
const query = new URLSearchParams(window.location.search);
const campaignId = query.get('campaign')?.trim();
const status = document.getElementById('demo-status');

if (campaignId) {
  const script = document.createElement('script');
  script.src = '/widget.js';
  script.dataset.campaign = campaignId;
  for (const option of ['language', 'color', 'position'] as const) {
    const value = query.get(option)?.trim();
    if (value) script.dataset[option] = value;
  }
  document.body.appendChild(script);
  if (status) status.textContent = `Campaign ${campaignId}: open the chat with the button in the corner.`;
} else if (status) {
  status.textContent = 'No campaign given: open this page as /demo?campaign=<campaignId>.';
}

// A module, so its names stay out of the page's global scope.
export {};
