// Pure per-message and per-conversation derivations used by the ingest pipeline.
export { deviceFromUserAgent, type Device } from './device';
export { countryFromIp } from './country';
export { detectLanguage } from './language';
export { isEscalationTool } from './escalation';
export { parseFeedback, type Feedback, type FeedbackLabel } from './feedback';
export { labelSentiment, scoreSentiment, type Sentiment, type SentimentLabel } from './sentiment';
