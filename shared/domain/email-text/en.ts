/**
 * The words of every email, in English: the catalogue `fr.ts` translates key for key (a test
 * checks both have the same keys and placeholders). `{{…}}` are filled in when the email is
 * written; keys ending `_one`/`_other` are i18next plurals chosen by `count`.
 */
export const en = {
  greeting: 'Dear {{name}},',
  signature: '— {{firm}}',
  /** A label and its value, or a link's label and address, in the plain-text part. */
  labelled: '{{label}}: {{value}}',
  invitation: {
    subject: '{{firm}} has opened a client portal for you',
    intro: '{{firm}} shares documents with you through a secure client portal.',
    portal: 'Portal',
    signInEmail: 'Sign-in email',
    temporaryPassword: 'Temporary password',
    firstSignIn: 'Sign in with the temporary password; you will then choose your own password.',
    expiry: 'The temporary password expires in 7 days. If it has expired, ask us to send a new invitation.',
  },
  documentsShared: {
    subject_one: '{{firm}} shared a document with you',
    subject_other: '{{firm}} shared {{count}} documents with you',
    intro: '{{firm}} shared the following with you:',
    open: 'Open your portal to see them',
  },
  customerUpload: {
    subject_one: '{{contact}} uploaded a document',
    subject_other: '{{contact}} uploaded {{count}} documents',
    intro: '{{contact}} uploaded to the {{firm}} portal:',
    open: 'They are in the drive',
  },
  /** What the firm calls a matter (the matterTerm setting), with its article: "on the order M-2026-0001"; `the` is "matter", the default. */
  term: { the: 'the matter', the_order: 'the order', the_contract: 'the contract', the_file: 'the file' },
  matterComment: {
    staffSubject: '{{author}} commented on {{reference}}',
    staffBody: '{{author}} wrote a comment on {{theTerm}} {{reference}} {{title}}. Read it and answer on its page.',
    staffOpen: 'Open it',
    customerSubject: '{{firm}} wrote to you on {{reference}}',
    customerBody: '{{firm}} wrote to you on {{theTerm}} {{reference}} {{title}}. Read it in your portal.',
    customerOpen: 'Read it in your portal',
  },
  documentComment: {
    staffSubject: '{{author}} commented on {{document}}',
    staffBody: '{{author}} wrote a comment on the document {{document}}. Read it and answer from the document in the drive.',
    staffOpen: 'Open its folder',
    customerSubject: '{{firm}} answered you on {{document}}',
    customerBody: '{{firm}} wrote to you about the document {{document}}. Read it beside the document in your portal.',
    customerOpen: 'Open your portal',
  },
  request: {
    submittedSubject: 'New request from {{customer}}: {{kind}}',
    submittedBody: '{{customer}} sent a request ({{kind}}) through the portal. Read it in the requests queue, then accept or decline it.',
    submittedOpen: 'Open the request',
    acceptedSubject: '{{firm}} accepted your request: {{reference}}',
    acceptedBody: '{{firm}} accepted your request "{{title}}". Follow it in your portal as {{theTerm}} {{reference}}, and send documents there.',
    acceptedOpen: 'Open it in your portal',
    declinedSubject: '{{firm}} answered your request',
    declinedBody: '{{firm}} declined your request "{{title}}", for this reason:',
    declinedHelp: 'If you have questions, please contact us, or send a new request.',
  },
  newSignUp: {
    subject: 'New portal sign-up: {{name}}',
    body: '{{name}} <{{email}}> signed up to the {{firm}} portal and now has access.',
    contacts: 'Contacts',
  },
  accessClosed: {
    subject: 'Your access to the {{firm}} portal has been closed',
    body: '{{firm}} has closed your access to its client portal. You can no longer sign in.',
    help: 'If you think this is a mistake, or you need documents again, please contact us.',
  },
  accessReopened: {
    subject: 'Your access to the {{firm}} portal is open again',
    body: '{{firm}} has reopened your access to its client portal. You can sign in again with your email address and password.',
    portal: 'Portal',
  },
  staffInvitation: {
    subject: 'You have been invited to the {{firm}} portal administration',
    resetSubject: 'Your {{firm}} portal password was reset',
    body: 'You now have a staff account on the {{firm}} portal.',
    resetBody: 'An administrator reset your password.',
    signIn: 'Sign in',
    email: 'Email',
    temporaryPassword: 'Temporary password',
    firstSignIn: 'At sign-in you choose your own password and set up an authenticator app (required).',
  },
  /**
   * Cognito's own emails (the pools' CustomMessage trigger): a code Cognito puts where `{{code}}`
   * is (its `{####}`), valid as long as Cognito says (24 hours for a sign-up, 1 hour for a reset).
   */
  codes: {
    code: 'Code',
    signUpSubject: 'Your verification code for the {{firm}} portal',
    signUpBody: 'Enter this verification code to confirm your email address and finish creating your account on the {{firm}} portal.',
    signUpExpiry: 'The code is valid for 24 hours.',
    resetSubject: 'Your password reset code for the {{firm}} portal',
    staffResetSubject: 'Your password reset code for the {{firm}} portal administration',
    resetBody: 'Someone asked to reset the password of your account on the {{firm}} portal. Enter this code to choose a new password.',
    resetExpiry: 'The code is valid for 1 hour.',
    verifySubject: 'Confirm your email address for the {{firm}} portal',
    verifyBody: 'Enter this code to confirm the email address of your account on the {{firm}} portal.',
    notYou: 'If you did not ask for this, ignore this email: nothing changes.',
  },
};

/** The shape every language's catalogue has: the same keys, each a string. */
export type EmailText = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : { [L in keyof (typeof en)[K]]: string } };
