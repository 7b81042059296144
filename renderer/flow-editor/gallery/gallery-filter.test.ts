import { describe, expect, it } from 'vitest';
import type { GalleryTemplateDto } from '../../../engine/contract/index.ts';
import { countByCategory, filterTemplates, galleryLocale } from './gallery-filter.ts';

const card = (id: string, category: GalleryTemplateDto['category'], vi: string, en: string, platforms: GalleryTemplateDto['platforms'] = []): GalleryTemplateDto => ({
  id, category, platforms,
  title: { vi, en },
  description: { vi: `${vi}.`, en: `${en}.` },
  trigger: { type: 'orders.order_created', events: ['order.created'] },
  steps: 3,
});

const cards = [
  card('cancelled', 'messages', 'Đơn bị hủy: nhắn khách', 'Cancelled order: text the buyer'),
  card('vip', 'tags', 'Đơn lớn: gắn thẻ VIP', 'Big order: tag VIP'),
  card('lazada', 'marketplace', 'Lazada giao thất bại', 'Lazada delivery failed', ['lazada']),
];
const words = (c: GalleryTemplateDto) => ({ trigger: c.id === 'cancelled' ? 'Đơn hàng bị hủy' : 'Đơn hàng được tạo', platforms: c.platforms.map((p) => (p === 'lazada' ? 'Lazada' : p)) });
const ids = (text: string, category: Parameters<typeof filterTemplates>[1]['category'] = 'all') => filterTemplates(cards, { text, category }, words).map((c) => c.id);

describe('finding a template', () => {
  it('shows every card for no words, and only the category chosen', () => {
    expect(ids('')).toEqual(['cancelled', 'vip', 'lazada']);
    expect(ids('', 'tags')).toEqual(['vip']);
    expect(ids('vip', 'marketplace')).toEqual([]);
  });

  it('matches every typed word, in either language, without case or diacritics', () => {
    expect(ids('don huy')).toEqual(['cancelled']);
    expect(ids('ĐƠN   vip')).toEqual(['vip']);
    expect(ids('cancelled buyer')).toEqual(['cancelled']);
    expect(ids('vip hủy')).toEqual([]);
  });

  it('finds a card by its trigger and its platforms', () => {
    expect(ids('được tạo')).toEqual(['vip', 'lazada']);
    expect(ids('lazada')).toEqual(['lazada']);
  });

  it('counts the cards per category and picks the gallery language', () => {
    expect(countByCategory(cards)).toEqual({ all: 3, messages: 1, tags: 1, operations: 0, marketplace: 1 });
    expect([galleryLocale('vi'), galleryLocale('vi-VN'), galleryLocale('en-US'), galleryLocale('fr')]).toEqual(['vi', 'vi', 'en', 'en']);
  });
});
