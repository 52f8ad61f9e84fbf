import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { I18nProvider } from '../i18n'
import { StatusProvider } from '../ui/Status'
import { App } from './App'
import { AuthProvider } from './auth'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <I18nProvider>
        <StatusProvider>
          <AuthProvider>
            <App />
          </AuthProvider>
        </StatusProvider>
      </I18nProvider>
    </BrowserRouter>
  </StrictMode>,
)
