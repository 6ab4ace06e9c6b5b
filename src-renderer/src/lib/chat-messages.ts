import type { ChatMessage } from "@contract/generation";

export const CHAT_ROLES: readonly ChatMessage["role"][] = ["system", "user", "assistant"];

/** The empty message "Add message" appends: the assistant's answer after a user's turn, else a user's turn. */
export function nextMessage(messages: readonly ChatMessage[]): ChatMessage {
  return { role: messages.at(-1)?.role === "user" ? "assistant" : "user", content: "" };
}
