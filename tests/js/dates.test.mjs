// Partial dates in German and English (wwwroot/js/dates.js): as precise as the data knows them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPartialDate } from '../../wwwroot/js/dates.js';

test('a year alone stays a year', () => {
  assert.equal(formatPartialDate('2019', 'de'), '2019');
  assert.equal(formatPartialDate('2019', 'en'), '2019');
});

test('a month is named in the language', () => {
  assert.equal(formatPartialDate('2019-05', 'de'), 'Mai 2019');
  assert.equal(formatPartialDate('2019-05', 'en'), 'May 2019');
  assert.equal(formatPartialDate('2020-03', 'de'), 'März 2020');
});

test('a day is written the European way in both languages', () => {
  assert.equal(formatPartialDate('2019-05-20', 'de'), '20. Mai 2019');
  assert.equal(formatPartialDate('2019-05-20', 'en'), '20 May 2019');
});

test('the first and last days do not shift with the time zone', () => {
  assert.equal(formatPartialDate('2019-01-01', 'en'), '1 January 2019');
  assert.equal(formatPartialDate('2019-12-31', 'de'), '31. Dezember 2019');
});

test('nothing gives nothing; anything else is shown as it is', () => {
  assert.equal(formatPartialDate('', 'de'), '');
  assert.equal(formatPartialDate(null, 'en'), '');
  assert.equal(formatPartialDate('spring 2019', 'en'), 'spring 2019');
  assert.equal(formatPartialDate('2019-13', 'en'), '2019-13');
});
