// Going through the report form in the browser the way a person does: step by step, finding
// each field by its label, then checking the summary and sending it.
import assert from 'node:assert/strict';
import { recentDate } from '../integration/flows.mjs';

export const TEXT = {
  nl: {
    next: 'Volgende', back: 'Terug', review: 'Controleer uw melding', send: 'Melding versturen',
    role: { victim: 'Het overkwam mij', witness: 'Ik zag het iemand anders overkomen' },
    residence: 'In welke gemeente woont u?', description: 'Wat is er gebeurd?',
    nature: { hostile_treatment: 'Beledigd, uitgescholden of vijandig behandeld', unequal_treatment: 'Anders of slechter behandeld' },
    grounds: { origin: 'Afkomst of huidskleur', religion: 'Godsdienst', unknown: 'Weet ik niet' },
    domain: { public_space: 'Op straat of in het openbaar vervoer', hospitality: 'In een café, club, restaurant of op een evenement' },
    exactDate: 'Ik weet de datum', approximate: 'Ik weet de precieze datum niet', date: 'Datum', year: 'Jaar', month: 'Maand',
    incident: 'In welke gemeente gebeurde het?',
    scope: { incident: 'Iets wat gebeurde, met mij of met anderen', policy: 'Een algemene regel of werkwijze' },
    anonymous: { yes: 'Ja, ik wil anoniem blijven', no: 'Nee, u mag contact met mij opnemen' },
    wishes: { registration_only: 'Alleen mijn melding registreren. Verder heb ik niets nodig.', advice: 'Informatie of advies over wat ik kan doen', mediation: 'Bemiddeling: een gesprek met de andere partij, met onze hulp' },
    email: 'E-mailadres',
    consent: 'Ik geef toestemming dat het bureau mijn melding bewaart en gebruikt om hem te registreren en mij te helpen, zoals de privacyverklaring beschrijft.',
    checkHeading: 'Controleer uw melding',
  },
  en: {
    next: 'Next', back: 'Back', review: 'Check your report', send: 'Send report',
    role: { victim: 'It happened to me', witness: 'I saw it happen to someone else' },
    residence: 'In which municipality do you live?', description: 'What happened?',
    nature: { hostile_treatment: 'Insulted, called names or treated with hostility', unequal_treatment: 'Treated differently or worse' },
    grounds: { origin: 'Origin or skin colour', religion: 'Religion', unknown: "I don't know" },
    domain: { public_space: 'On the street or on public transport', hospitality: 'In a café, club, restaurant or at an event' },
    exactDate: 'I know the date', approximate: 'I do not know the exact date', date: 'Date', year: 'Year', month: 'Month',
    incident: 'In which municipality did it happen?',
    scope: { incident: 'Something that happened, to me or to others', policy: 'A general rule or way of working' },
    anonymous: { yes: 'Yes, I want to stay anonymous', no: 'No, you may contact me' },
    wishes: { registration_only: 'Only register my report. I do not need anything else.', advice: 'Information or advice about what I can do', mediation: 'Mediation: a conversation with the other party, with our help' },
    email: 'E-mail address',
    consent: 'I agree that the bureau stores and uses my report to register it and to help me, as the privacy statement describes.',
    checkHeading: 'Check your report',
  },
};

/** A complete anonymous report as a person would fill it in. */
export function reportValues(overrides = {}) {
  return {
    role: 'victim', residence: 'Utrecht', description: 'In de supermarkt werd ik uitgescholden vanwege mijn afkomst.',
    nature: 'hostile_treatment', grounds: ['origin'], domain: 'public_space', date: recentDate(),
    incident: 'Amsterdam', scope: 'incident', anonymous: 'yes', wishes: ['registration_only'], email: '',
    ...overrides,
  };
}

/** Press a visible button by its name. */
export async function press(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
}

/**
 * Fill in steps 1-4 with the mouse, pressing "Next" between steps (with JavaScript) or not
 * (without, when every step is on one page). Stops before "Check your report".
 */
export async function fillSteps(page, lang, values = reportValues(), { js = true } = {}) {
  const t = TEXT[lang];
  const next = async () => { if (js) await press(page, t.next); };
  await page.getByLabel(t.role[values.role], { exact: true }).check();
  await page.getByLabel(t.residence).selectOption({ label: values.residence });
  await next();
  await page.getByLabel(t.description).fill(values.description);
  await page.getByLabel(t.nature[values.nature], { exact: true }).check();
  for (const g of values.grounds) await page.getByLabel(t.grounds[g], { exact: true }).check();
  await next();
  await page.getByLabel(t.domain[values.domain], { exact: true }).check();
  await page.getByLabel(t.exactDate, { exact: true }).check();
  await page.getByLabel(t.date, { exact: true }).fill(values.date);
  if (values.incident) await page.getByLabel(t.incident).selectOption({ label: values.incident });
  await page.getByLabel(t.scope[values.scope], { exact: true }).check();
  await next();
  await page.getByLabel(t.anonymous[values.anonymous], { exact: true }).check();
  for (const w of values.wishes) await page.getByLabel(t.wishes[w], { exact: true }).check();
  if (values.email) await page.getByLabel(t.email).fill(values.email);
}

/** "Check your report", then on the summary tick the consent and send. */
export async function reviewAndSend(page, lang) {
  const t = TEXT[lang];
  await press(page, t.review);
  await page.getByRole('heading', { level: 1, name: t.checkHeading }).waitFor();
  await page.getByLabel(t.consent).check();
  await press(page, t.send);
}

/** The whole form, sent; waits for the confirmation page and returns the reference. */
export async function reportThroughForm(page, lang, values) {
  await fillSteps(page, lang, values);
  await reviewAndSend(page, lang);
  await page.waitForURL(/\/melden\/ontvangen/);
  const ref = (await page.locator('.reference').first().textContent()).trim();
  assert.match(ref, /^MP-\d{4}-\d{6}$/);
  return ref;
}
