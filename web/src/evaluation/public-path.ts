/** The public complaint form's address: no sign-in needed (see app.tsx). */
export const PUBLIC_COMPLAINT_PATH = '/public/complaint';
