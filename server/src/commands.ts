/** Commands the server's code actions ask the editor to run (the VS Code client implements them). */
export const ADD_KNOWN_CODE_COMMAND = 'smtpStatusCodes.addKnownCode';
